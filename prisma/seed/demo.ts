// Demo data for Exchange Desk: reference data from /shared/data/glossary.csv, invented officers (no real people),
// four cohorts in every workflow state and the demo sign-in accounts of ./demo-accounts.ts.
//
// Integrity rules the database enforces (migration SQL) and this seed respects:
// - one officer never has two non-WITHDRAWN placements with overlapping [startDate, endDate] (each officer is placed
//   in at most one cohort here);
// - non-WITHDRAWN placements per (host unit, cohort) ≤ HostUnitCapacity.capacity, else HostUnit.defaultCapacity;
// - placement dates lie inside the cohort window; officer on the sending side, host unit on the host side.
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";
import {
  CohortStatus,
  DepartmentKind,
  JurisdictionKind,
  PlacementStatus,
  ScheduleItemType,
} from "../../generated/prisma/enums.ts";
import { addDays, formatDateOnly, instantInHongKong, parseDateOnly, startOfIsoWeek, todayInHongKong } from "../../lib/dates.ts";
import { hashPassword } from "../../lib/password.ts";
import { DEMO_ACCOUNTS, DEMO_ADMIN_EMAIL, DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD } from "./demo-accounts.ts";
import { encryptWithKeyMaterial } from "../../features/two-factor/secret-cipher.ts";

type Tx = Prisma.TransactionClient;

// ---------------------------------------------------------------------------------------------------------------
// Dates. Cohort and placement dates are calendar dates (@db.Date, stored as UTC midnight); schedule items are
// instants, written in Hong Kong local time (UTC+8 all year, no daylight saving).

/** The instant of hh:mm Hong Kong time on the calendar date `day`. */
function hkt(day: Date, hours: number, minutes = 0): Date {
  return instantInHongKong(formatDateOnly(day), `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`);
}

function timed(day: Date, from: [number, number], to: [number, number]) {
  return { allDay: false, startsAt: hkt(day, from[0], from[1]), endsAt: hkt(day, to[0], to[1]) };
}

/** All-day item: local midnight to the next local midnight. */
function allDay(day: Date) {
  return { allDay: true, startsAt: hkt(day, 0), endsAt: hkt(addDays(day, 1), 0) };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function intake(day: Date) {
  const [year, month] = formatDateOnly(day).split("-").map(Number) as [number, number];
  return { year, month, monthName: MONTHS[month - 1], code: `${year}-${String(month).padStart(2, "0")}` };
}

// ---------------------------------------------------------------------------------------------------------------
// Reference data. Names from the glossary (English guesses there are marked as such in the glossary).

type FieldCode = "DISTRICT_GOVERNANCE" | "TECHNOLOGY" | "URBAN_PLANNING" | "TRANSPORT" | "ENVIRONMENT";
type Trilingual = [en: string, zhHant: string, zhHans: string];

const JURISDICTIONS: { code: string; kind: JurisdictionKind; names: Trilingual; timeZone: string }[] = [
  { code: "HK", kind: JurisdictionKind.SAR, names: ["Hong Kong SAR", "香港特別行政區", "香港特别行政区"], timeZone: "Asia/Hong_Kong" },
  { code: "SZ", kind: JurisdictionKind.MAINLAND_CITY, names: ["Shenzhen", "深圳市", "深圳市"], timeZone: "Asia/Shanghai" },
  { code: "BJ", kind: JurisdictionKind.MAINLAND_CITY, names: ["Beijing", "北京市", "北京市"], timeZone: "Asia/Shanghai" },
  { code: "SH", kind: JurisdictionKind.MAINLAND_CITY, names: ["Shanghai", "上海市", "上海市"], timeZone: "Asia/Shanghai" },
  { code: "CQ", kind: JurisdictionKind.MAINLAND_CITY, names: ["Chongqing", "重慶市", "重庆市"], timeZone: "Asia/Shanghai" },
  { code: "WH", kind: JurisdictionKind.MAINLAND_CITY, names: ["Wuhan", "武漢市", "武汉市"], timeZone: "Asia/Shanghai" },
  { code: "HZ", kind: JurisdictionKind.MAINLAND_CITY, names: ["Hangzhou", "杭州市", "杭州市"], timeZone: "Asia/Shanghai" },
];

const FIELDS: { code: FieldCode; names: Trilingual }[] = [
  { code: "DISTRICT_GOVERNANCE", names: ["District governance", "地區治理", "地区治理"] },
  { code: "TECHNOLOGY", names: ["Technology development", "科技發展", "科技发展"] },
  { code: "URBAN_PLANNING", names: ["Urban planning", "城市規劃", "城市规划"] },
  { code: "TRANSPORT", names: ["Transport", "交通運輸", "交通运输"] },
  { code: "ENVIRONMENT", names: ["Environmental protection", "環境保護", "环境保护"] },
];

const HK_DEPARTMENTS: { code: string; kind: DepartmentKind; names: Trilingual; active?: boolean }[] = [
  { code: "CSB", kind: DepartmentKind.BUREAU, names: ["Civil Service Bureau", "公務員事務局", "公务员事务局"] },
  { code: "CMAB", kind: DepartmentKind.BUREAU, names: ["Constitutional and Mainland Affairs Bureau", "政制及內地事務局", "政制及内地事务局"] },
  { code: "ITIB", kind: DepartmentKind.BUREAU, names: ["Innovation, Technology and Industry Bureau", "創新科技及工業局", "创新科技及工业局"] },
  { code: "DEVB", kind: DepartmentKind.BUREAU, names: ["Development Bureau", "發展局", "发展局"] },
  { code: "TLB", kind: DepartmentKind.BUREAU, names: ["Transport and Logistics Bureau", "運輸及物流局", "运输及物流局"] },
  { code: "EEB", kind: DepartmentKind.BUREAU, names: ["Environment and Ecology Bureau", "環境及生態局", "环境及生态局"] },
  { code: "CSC", kind: DepartmentKind.OTHER, names: ["Civil Service College", "公務員學院", "公务员学院"] },
  { code: "TD", kind: DepartmentKind.DEPARTMENT, names: ["Transport Department", "運輸署", "运输署"] },
  { code: "PLAND", kind: DepartmentKind.DEPARTMENT, names: ["Planning Department", "規劃署", "规划署"] },
  { code: "EPD", kind: DepartmentKind.DEPARTMENT, names: ["Environmental Protection Department", "環境保護署", "环境保护署"] },
  { code: "DPO", kind: DepartmentKind.DEPARTMENT, names: ["Digital Policy Office", "數字政策辦公室", "数字政策办公室"] },
  {
    code: "OGCIO",
    kind: DepartmentKind.DEPARTMENT,
    names: ["Office of the Government Chief Information Officer", "政府資訊科技總監辦公室", "政府资讯科技总监办公室"],
    active: false, // merged into the Digital Policy Office on 25 July 2024
  },
  { code: "ITC", kind: DepartmentKind.DEPARTMENT, names: ["Innovation and Technology Commission", "創新科技署", "创新科技署"] },
  { code: "HAD", kind: DepartmentKind.DEPARTMENT, names: ["Home Affairs Department", "民政事務總署", "民政事务总署"] },
  { code: "HYD", kind: DepartmentKind.DEPARTMENT, names: ["Highways Department", "路政署", "路政署"] },
  { code: "CEDD", kind: DepartmentKind.DEPARTMENT, names: ["Civil Engineering and Development Department", "土木工程拓展署", "土木工程拓展署"] },
  {
    code: "PCPD",
    kind: DepartmentKind.STATUTORY_BODY,
    names: ["Office of the Privacy Commissioner for Personal Data", "個人資料私隱專員公署", "个人资料私隐专员公署"],
  },
];

/** Home departments of Shenzhen officers, and the Shenzhen coordinating bodies. */
const SZ_DEPARTMENTS: { code: string; kind: DepartmentKind; names: Trilingual }[] = [
  {
    code: "SZPNR",
    kind: DepartmentKind.BUREAU,
    names: ["Planning and Natural Resources Bureau of Shenzhen Municipality", "深圳市規劃和自然資源局", "深圳市规划和自然资源局"],
  },
  { code: "SZTB", kind: DepartmentKind.BUREAU, names: ["Transport Bureau of Shenzhen Municipality", "深圳市交通運輸局", "深圳市交通运输局"] },
  { code: "SZEEB", kind: DepartmentKind.BUREAU, names: ["Ecology and Environment Bureau of Shenzhen Municipality", "深圳市生態環境局", "深圳市生态环境局"] },
  {
    code: "SZSTIB",
    kind: DepartmentKind.BUREAU,
    names: ["Science, Technology and Innovation Bureau of Shenzhen Municipality", "深圳市科技創新局", "深圳市科技创新局"],
  },
  { code: "FTGOV", kind: DepartmentKind.DISTRICT_GOVERNMENT, names: ["Futian District People's Government", "深圳市福田區人民政府", "深圳市福田区人民政府"] },
  {
    code: "SZOD",
    kind: DepartmentKind.OTHER,
    names: ["Organization Department of the CPC Shenzhen Municipal Committee", "中共深圳市委組織部", "中共深圳市委组织部"],
  },
  {
    code: "SZHKMAO",
    kind: DepartmentKind.OTHER,
    names: [
      "Hong Kong and Macao Affairs Office of the Shenzhen Municipal People's Government",
      "深圳市人民政府港澳事務辦公室",
      "深圳市人民政府港澳事务办公室",
    ],
  },
];

type HostUnitSeed = { code: string; district: string | null; capacity: number; names: Trilingual; fields: FieldCode[] };

const SZ_HOST_UNITS: HostUnitSeed[] = [
  {
    code: "QHA",
    district: "Qianhai",
    capacity: 3,
    names: [
      "Authority of Qianhai Shenzhen-Hong Kong Modern Service Industry Co-operation Zone of Shenzhen Municipality (Qianhai Authority)",
      "深圳市前海深港現代服務業合作區管理局（前海管理局）",
      "深圳市前海深港现代服务业合作区管理局（前海管理局）",
    ],
    fields: ["URBAN_PLANNING", "TECHNOLOGY", "DISTRICT_GOVERNANCE"],
  },
  {
    code: "QHA-PLAN",
    district: "Qianhai",
    capacity: 2,
    names: ["Planning Management Division, Qianhai Authority", "前海管理局規劃管理處", "前海管理局规划管理处"],
    fields: ["URBAN_PLANNING"],
  },
  {
    code: "HETAO",
    district: "Hetao",
    capacity: 2,
    names: [
      "Agency for the Construction and Development of Shenzhen Park of Hetao Shenzhen-Hong Kong Science and Technology Innovation Cooperation Zone",
      "河套深港科技創新合作區深圳園區發展署",
      "河套深港科技创新合作区深圳园区发展署",
    ],
    fields: ["TECHNOLOGY"],
  },
  {
    code: "FT-GOV",
    district: "Futian",
    capacity: 3,
    names: ["Futian District People's Government", "深圳市福田區人民政府", "深圳市福田区人民政府"],
    fields: ["DISTRICT_GOVERNANCE"],
  },
  {
    code: "SZ-TB",
    district: "Futian",
    capacity: 2,
    names: ["Transport Bureau of Shenzhen Municipality", "深圳市交通運輸局", "深圳市交通运输局"],
    fields: ["TRANSPORT"],
  },
  {
    code: "SZ-TB-FT",
    district: "Futian",
    capacity: 2,
    names: ["Futian Administration of the Transport Bureau of Shenzhen Municipality", "深圳市交通運輸局福田管理局", "深圳市交通运输局福田管理局"],
    fields: ["TRANSPORT"],
  },
  {
    code: "SZ-PNR",
    district: "Futian",
    capacity: 2,
    names: ["Planning and Natural Resources Bureau of Shenzhen Municipality", "深圳市規劃和自然資源局", "深圳市规划和自然资源局"],
    fields: ["URBAN_PLANNING"],
  },
  {
    code: "SZ-PNR-FT",
    district: "Futian",
    capacity: 2,
    names: [
      "Futian Administration of the Planning and Natural Resources Bureau of Shenzhen Municipality",
      "深圳市規劃和自然資源局福田管理局",
      "深圳市规划和自然资源局福田管理局",
    ],
    fields: ["URBAN_PLANNING"],
  },
  {
    code: "SZ-PNR-SS",
    district: "Shenzhen-Shanwei",
    capacity: 1,
    names: [
      "Shenzhen-Shanwei Administration of the Planning and Natural Resources Bureau of Shenzhen Municipality",
      "深圳市規劃和自然資源局深汕管理局",
      "深圳市规划和自然资源局深汕管理局",
    ],
    fields: ["URBAN_PLANNING"],
  },
  {
    code: "SZ-EEB",
    district: "Futian",
    capacity: 2,
    names: ["Ecology and Environment Bureau of Shenzhen Municipality", "深圳市生態環境局", "深圳市生态环境局"],
    fields: ["ENVIRONMENT"],
  },
  {
    code: "SZ-EEB-FT",
    district: "Futian",
    capacity: 1,
    names: ["Futian Administration of the Ecology and Environment Bureau of Shenzhen Municipality", "深圳市生態環境局福田管理局", "深圳市生态环境局福田管理局"],
    fields: ["ENVIRONMENT"],
  },
  {
    code: "SZ-EEB-BA",
    district: "Bao'an",
    capacity: 1,
    names: ["Bao'an Administration of the Ecology and Environment Bureau of Shenzhen Municipality", "深圳市生態環境局寶安管理局", "深圳市生态环境局宝安管理局"],
    fields: ["ENVIRONMENT"],
  },
  {
    code: "FT-GSDM",
    district: "Futian",
    capacity: 2,
    names: ["Futian District Government Services and Data Management Bureau", "深圳市福田區政務服務和數據管理局", "深圳市福田区政务服务和数据管理局"],
    fields: ["TECHNOLOGY", "DISTRICT_GOVERNANCE"],
  },
  {
    code: "SZ-STIB",
    district: "Futian",
    capacity: 2,
    names: ["Science, Technology and Innovation Bureau of Shenzhen Municipality", "深圳市科技創新局", "深圳市科技创新局"],
    fields: ["TECHNOLOGY"],
  },
  {
    code: "SZ-UMLE",
    district: "Futian",
    capacity: 1,
    names: ["Urban Management and Law Enforcement Bureau of Shenzhen Municipality", "深圳市城市管理和綜合執法局", "深圳市城市管理和综合执法局"],
    fields: ["DISTRICT_GOVERNANCE", "ENVIRONMENT"],
  },
  {
    code: "FT-UMLE",
    district: "Futian",
    capacity: 1,
    names: ["Futian District Urban Management and Law Enforcement Bureau", "福田區城市管理和綜合執法局", "福田区城市管理和综合执法局"],
    fields: ["DISTRICT_GOVERNANCE"],
  },
  {
    code: "FT-DRB",
    district: "Futian",
    capacity: 1,
    names: ["Futian District Development and Reform Bureau", "福田區發展和改革局", "福田区发展和改革局"],
    fields: ["DISTRICT_GOVERNANCE"],
  },
  {
    code: "FT-TIB",
    district: "Futian",
    capacity: 2,
    names: ["Futian District Technology and Innovation Bureau", "福田區科技創新局", "福田区科技创新局"],
    fields: ["TECHNOLOGY"],
  },
  {
    code: "FT-BPW",
    district: "Futian",
    capacity: 1,
    names: ["Futian District Bureau of Public Works", "深圳市福田區建築工務署", "深圳市福田区建筑工务署"],
    fields: ["URBAN_PLANNING", "TRANSPORT"],
  },
  {
    code: "SZ-HKMAO",
    district: "Futian",
    capacity: 1,
    names: [
      "Hong Kong and Macao Affairs Office of the Shenzhen Municipal People's Government",
      "深圳市人民政府港澳事務辦公室",
      "深圳市人民政府港澳事务办公室",
    ],
    fields: ["DISTRICT_GOVERNANCE"],
  },
];

/** Hong Kong bureaux and departments receiving mainland officers (names shared with HK_DEPARTMENTS). */
const HK_HOST_UNITS: { code: string; district: string | null; capacity: number; fields: FieldCode[] }[] = [
  { code: "PLAND", district: "Hong Kong", capacity: 2, fields: ["URBAN_PLANNING"] },
  { code: "TD", district: "Hong Kong", capacity: 2, fields: ["TRANSPORT"] },
  { code: "EPD", district: "Hong Kong", capacity: 2, fields: ["ENVIRONMENT"] },
  { code: "DPO", district: "Hong Kong", capacity: 2, fields: ["TECHNOLOGY"] },
  { code: "ITC", district: "Hong Kong", capacity: 1, fields: ["TECHNOLOGY"] },
  { code: "HAD", district: "Hong Kong", capacity: 2, fields: ["DISTRICT_GOVERNANCE"] },
  { code: "CEDD", district: "Hong Kong", capacity: 1, fields: ["URBAN_PLANNING", "TRANSPORT"] },
  { code: "HYD", district: "Hong Kong", capacity: 1, fields: ["TRANSPORT"] },
  { code: "DEVB", district: null, capacity: 1, fields: ["URBAN_PLANNING"] },
  { code: "EEB", district: null, capacity: 1, fields: ["ENVIRONMENT"] },
];

type RankSeed = { grade: string; level: number; code: string; names: Trilingual; directorate?: boolean };

const HK_RANKS: RankSeed[] = [
  { grade: "AO", level: 1, code: "AO", names: ["Administrative Officer", "政務主任", "政务主任"] },
  { grade: "AO", level: 2, code: "SAO", names: ["Senior Administrative Officer", "高級政務主任", "高级政务主任"] },
  { grade: "AO", level: 3, code: "AOSGC", names: ["Administrative Officer Staff Grade C", "首長級丙級政務官", "首长级丙级政务官"], directorate: true },
  { grade: "EO", level: 1, code: "EOII", names: ["Executive Officer II", "二級行政主任", "二级行政主任"] },
  { grade: "EO", level: 2, code: "EOI", names: ["Executive Officer I", "一級行政主任", "一级行政主任"] },
  { grade: "EO", level: 3, code: "SEO", names: ["Senior Executive Officer", "高級行政主任", "高级行政主任"] },
  { grade: "EO", level: 4, code: "CEO", names: ["Chief Executive Officer", "總行政主任", "总行政主任"] },
  { grade: "EO", level: 5, code: "PEO", names: ["Principal Executive Officer", "首席行政主任", "首席行政主任"], directorate: true },
  { grade: "EO", level: 6, code: "SPEO", names: ["Senior Principal Executive Officer", "高級首席行政主任", "高级首席行政主任"], directorate: true },
  { grade: "ENG", level: 1, code: "ENG", names: ["Engineer", "工程師", "工程师"] },
  { grade: "ENG", level: 2, code: "SE", names: ["Senior Engineer", "高級工程師", "高级工程师"] },
  { grade: "ENG", level: 3, code: "CE", names: ["Chief Engineer", "總工程師", "总工程师"], directorate: true },
  { grade: "TP", level: 1, code: "TP", names: ["Town Planner", "城市規劃師", "城市规划师"] },
  { grade: "TP", level: 2, code: "STP", names: ["Senior Town Planner", "高級城市規劃師", "高级城市规划师"] },
  { grade: "TP", level: 3, code: "CTP", names: ["Chief Town Planner", "總城市規劃師", "总城市规划师"], directorate: true },
  { grade: "EPO", level: 1, code: "EPO", names: ["Environmental Protection Officer", "環境保護主任", "环境保护主任"] },
  { grade: "EPO", level: 2, code: "SEPO", names: ["Senior Environmental Protection Officer", "高級環境保護主任", "高级环境保护主任"] },
  { grade: "EPO", level: 3, code: "PEPO", names: ["Principal Environmental Protection Officer", "首席環境保護主任", "首席环境保护主任"], directorate: true },
  { grade: "SM", level: 1, code: "SM", names: ["Systems Manager", "系統經理", "系统经理"] },
  { grade: "SM", level: 2, code: "SSM", names: ["Senior Systems Manager", "高級系統經理", "高级系统经理"] },
  { grade: "SM", level: 3, code: "CSM", names: ["Chief Systems Manager", "總系統經理", "总系统经理"], directorate: true },
];

const SZ_RANKS: RankSeed[] = [
  { grade: "DIV", level: 1, code: "DDC", names: ["Deputy Division Chief", "副處長", "副处长"] },
  { grade: "DIV", level: 2, code: "DC", names: ["Division Chief", "處長", "处长"] },
];

// ---------------------------------------------------------------------------------------------------------------
// Officers: invented people. HK: surname, hyphenated Cantonese given name, English name, Traditional Chinese.
// Shenzhen: pinyin without hyphens, Simplified Chinese, no English name. Staff numbers follow the list order.

type OfficerRow = [surname: string, givenName: string, otherName: string | null, chineseName: string, rank: string, department: string, fields: FieldCode[]];

const HK_OFFICERS: OfficerRow[] = [
  // HK10001–HK10014: current Hong Kong → Shenzhen cohort
  ["Lam", "Wing-sze", "Vivian", "林詠詩", "STP", "PLAND", ["URBAN_PLANNING"]],
  ["Wong", "Ka-lok", "Kelvin", "黃家樂", "SE", "TD", ["TRANSPORT"]],
  ["Cheung", "Hoi-yan", "Michelle", "張凱欣", "SEPO", "EPD", ["ENVIRONMENT"]],
  ["Leung", "Chi-hang", "Raymond", "梁志鏗", "SAO", "HAD", ["DISTRICT_GOVERNANCE"]],
  ["Ho", "Pui-shan", "Winnie", "何佩珊", "SSM", "DPO", ["TECHNOLOGY"]],
  ["Yip", "Tsz-kin", "Dennis", "葉子健", "SE", "HYD", ["TRANSPORT"]],
  ["Tsang", "Mei-ling", "Joyce", "曾美玲", "STP", "PLAND", ["URBAN_PLANNING"]],
  ["Ng", "Kwok-wai", "Patrick", "吳國偉", "SEO", "CMAB", ["DISTRICT_GOVERNANCE"]],
  ["Fung", "Yuen-ting", "Cherry", "馮婉婷", "SEPO", "EEB", ["ENVIRONMENT"]],
  ["Chow", "Man-kit", "Eric", "周文傑", "SE", "CEDD", ["URBAN_PLANNING", "TRANSPORT"]],
  ["Kwok", "Sze-wan", "Iris", "郭思韻", "SSM", "ITC", ["TECHNOLOGY"]],
  ["Lau", "Chun-yin", "Alan", "劉俊賢", "SAO", "DEVB", ["URBAN_PLANNING", "DISTRICT_GOVERNANCE"]],
  ["Mak", "Hiu-tung", "Jason", "麥曉東", "CEO", "TLB", ["TRANSPORT", "DISTRICT_GOVERNANCE"]],
  ["Siu", "Wai-man", "Grace", "蕭慧敏", "SEO", "HAD", ["DISTRICT_GOVERNANCE"]],
  // HK10015–HK10020: not placed
  ["Tang", "Ho-yin", "Kenneth", "鄧浩然", "SSM", "DPO", ["TECHNOLOGY"]],
  ["Lee", "Wing-yan", "Stephanie", "李穎欣", "TP", "PLAND", ["URBAN_PLANNING"]],
  ["Poon", "Siu-fai", "Anthony", "潘兆輝", "SE", "TD", ["TRANSPORT"]],
  ["Yeung", "Ka-man", "Carol", "楊嘉敏", "EPO", "EPD", ["ENVIRONMENT"]],
  ["Choi", "Tak-ming", "Vincent", "蔡德明", "SAO", "ITIB", ["TECHNOLOGY"]],
  ["Law", "Yee-ling", "Fiona", "羅綺玲", "CEO", "CSB", ["DISTRICT_GOVERNANCE"]],
  // HK10021–HK10030: first cohort HKSZ-2023
  ["Kwan", "Chi-keung", "Terence", "關志強", "SE", "HYD", ["TRANSPORT"]],
  ["Chu", "Hoi-ching", "Janice", "朱凱晴", "STP", "PLAND", ["URBAN_PLANNING"]],
  ["So", "Kin-wah", "Edmond", "蘇建華", "SEPO", "EPD", ["ENVIRONMENT"]],
  ["Lo", "Wai-kwan", "Priscilla", "盧慧君", "SEO", "HAD", ["DISTRICT_GOVERNANCE"]],
  ["Tse", "Yat-hei", "Brian", "謝逸熙", "SSM", "DPO", ["TECHNOLOGY"]],
  ["Au", "Lai-kuen", "Sandy", "區麗娟", "SAO", "CMAB", ["DISTRICT_GOVERNANCE"]],
  ["Hui", "Kwok-leung", "Stanley", "許國良", "SE", "CEDD", ["URBAN_PLANNING", "TRANSPORT"]],
  ["Wan", "Sin-yi", "Natalie", "溫倩儀", "STP", "PLAND", ["URBAN_PLANNING"]],
  ["Cheng", "Chun-hei", "Marcus", "鄭俊熙", "SAO", "ITIB", ["TECHNOLOGY"]],
  ["Chiu", "Mei-kei", "Angela", "趙美琪", "SEPO", "EPD", ["ENVIRONMENT", "DISTRICT_GOVERNANCE"]],
  // HK10031–HK10035: nominated for the next cohort
  ["Ma", "Ka-chun", "Derek", "馬家俊", "SSM", "ITC", ["TECHNOLOGY"]],
  ["Lui", "Hoi-lam", "Crystal", "呂凱琳", "EOI", "HAD", ["DISTRICT_GOVERNANCE"]],
  ["Kong", "Wing-hong", "Philip", "江永康", "CE", "TD", ["TRANSPORT"]],
  ["Shum", "Pik-ha", "Teresa", "岑碧霞", "PEO", "CSB", ["DISTRICT_GOVERNANCE"]],
  ["Yau", "Chi-ming", "Oscar", "邱志明", "ENG", "HYD", ["TRANSPORT"]],
  // HK10036–HK10040: not placed
  ["Fok", "Suk-yee", "Queenie", "霍淑儀", "SEPO", "EEB", ["ENVIRONMENT"]],
  ["Mok", "Tin-yau", "Gary", "莫天佑", "SE", "TD", ["TRANSPORT"]],
  ["Tam", "Oi-ling", "Rebecca", "譚愛玲", "STP", "PLAND", ["URBAN_PLANNING"]],
  ["Chan", "Hok-man", "Ivan", "陳學文", "SM", "DPO", ["TECHNOLOGY"]],
  ["Wu", "Siu-ling", "Cindy", "胡少玲", "SAO", "HAD", ["DISTRICT_GOVERNANCE"]],
];

const SZ_OFFICERS: OfficerRow[] = [
  // SZ20001–SZ20010: current Shenzhen → Hong Kong cohort
  ["Zhou", "Minghui", null, "周明辉", "DC", "SZPNR", ["URBAN_PLANNING"]],
  ["Liu", "Jianguo", null, "刘建国", "DC", "SZTB", ["TRANSPORT"]],
  ["Chen", "Xiaoyan", null, "陈晓燕", "DDC", "SZEEB", ["ENVIRONMENT"]],
  ["Wang", "Haoyu", null, "王浩宇", "DDC", "SZSTIB", ["TECHNOLOGY"]],
  ["Li", "Jing", null, "李静", "DC", "FTGOV", ["DISTRICT_GOVERNANCE"]],
  ["Zhang", "Yifan", null, "张一帆", "DDC", "SZPNR", ["URBAN_PLANNING"]],
  ["Huang", "Siyuan", null, "黄思远", "DC", "SZTB", ["TRANSPORT"]],
  ["Lin", "Yuqing", null, "林雨晴", "DDC", "SZEEB", ["ENVIRONMENT"]],
  ["Xu", "Zhiqiang", null, "徐志强", "DC", "SZSTIB", ["TECHNOLOGY"]],
  ["Guo", "Meiling", null, "郭美玲", "DDC", "FTGOV", ["DISTRICT_GOVERNANCE"]],
  // SZ20011–SZ20015: not placed
  ["He", "Junjie", null, "何俊杰", "DDC", "SZPNR", ["URBAN_PLANNING"]],
  ["Luo", "Wenting", null, "罗文婷", "DC", "SZEEB", ["ENVIRONMENT"]],
  ["Zheng", "Kaiming", null, "郑凯明", "DDC", "SZTB", ["TRANSPORT"]],
  ["Xie", "Ruoxi", null, "谢若曦", "DDC", "SZSTIB", ["TECHNOLOGY"]],
  ["Deng", "Zihan", null, "邓子涵", "DC", "FTGOV", ["DISTRICT_GOVERNANCE", "URBAN_PLANNING"]],
];

const hkStaffNumber = (index: number) => `HK${10001 + index}`;
const szStaffNumber = (index: number) => `SZ${20001 + index}`;

const DEMO_OFFICER_STAFF_NUMBER = "HK10001";
const DEMO_MAINLAND_OFFICER_STAFF_NUMBER = "SZ20001";
const DEMO_SUPERVISOR_HOST_UNIT = "SZ-PNR-FT";

// ---------------------------------------------------------------------------------------------------------------

function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo seed: unknown ${what} "${key}"`);
  return value;
}

function idsByCode(rows: { id: string; code: string }[]): Map<string, string> {
  return new Map(rows.map((row) => [row.code, row.id]));
}

function names([en, zhHant, zhHans]: Trilingual) {
  return { nameEn: en, nameZhHant: zhHant, nameZhHans: zhHans };
}

/** Seeds the demo database unless it already holds data (a Jurisdiction with code "HK"). */
export async function seedDemoData(
  db: PrismaClient,
  options: {
    today?: Date;
    /**
     * The key material the server encrypts second factors with (features/two-factor/secret-cipher.ts): given, the demo
     * admin gets DEMO_ADMIN_TOTP_SECRET as a confirmed authenticator; not given, they set one up at first sign-in.
     */
    twoFactorKeyMaterial?: string;
  } = {},
): Promise<{ created: boolean }> {
  if (await db.jurisdiction.findUnique({ where: { code: "HK" }, select: { id: true } })) return { created: false };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const today = parseDateOnly(todayInHongKong(options.today));
  try {
    await db.$transaction(
      async (tx) => {
        await writeDemoData(tx, { today, passwordHash });
        if (options.twoFactorKeyMaterial) await enrolDemoAdmin(tx, options.twoFactorKeyMaterial);
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (error) {
    // Another process seeded concurrently and won the race on Jurisdiction.code: that is still "already seeded".
    if (await db.jurisdiction.findUnique({ where: { code: "HK" }, select: { id: true } })) return { created: false };
    throw error;
  }
  return { created: true };
}

async function writeDemoData(tx: Tx, { today, passwordHash }: { today: Date; passwordHash: string }): Promise<void> {
  const reference = await createReferenceData(tx);
  const officerId = await createOfficers(tx, reference);
  const coordinators = await createUsers(tx, { passwordHash, reference, officerId });
  const cohorts = await createCohorts(tx, { today, reference });
  const demoPlacements = await createPlacements(tx, { reference, officerId, coordinators, cohorts });
  await createSchedule(tx, { coordinators, cohorts, demoPlacements });
  await createMatchingInputs(tx, { reference, cohorts });
}

/**
 * ---- matchin ---- The next cohort's nominations get ranked host-unit preferences, and its first host unit a rank
 * band and ranked wishes, so that the matching screens are not empty (issue 16). Weights stay at the defaults.
 */
async function createMatchingInputs(tx: Tx, { reference, cohorts }: { reference: ReferenceData; cohorts: DemoCohorts }): Promise<void> {
  const cohortId = cohorts.nextCohort.id;
  const placements = await tx.placement.findMany({ where: { cohortId, status: "NOMINATED" }, orderBy: { officer: { staffNumber: "asc" } }, select: { id: true } });
  const units = [...reference.szHostUnits.values()];
  if (placements.length === 0 || units.length < 3) return;
  await tx.matchingPreference.createMany({
    data: placements.flatMap((placement, index) => [0, 1, 2].map((offset) => ({ placementId: placement.id, rank: offset + 1, hostUnitId: units[(index + offset * 2) % units.length] }))),
  });
  await tx.matchingPreferenceList.createMany({ data: placements.map((placement) => ({ placementId: placement.id })) });
  const levels = (await tx.rank.findMany({ where: { jurisdictionId: reference.szId }, select: { level: true }, distinct: ["level"], orderBy: { level: "asc" } })).map((rank) => rank.level);
  await tx.hostUnitRankBand.create({ data: { hostUnitId: units[0], cohortId, rankMinLevel: levels[0] ?? null, rankMaxLevel: levels[Math.min(2, levels.length - 1)] ?? null } });
  await tx.matchingWish.createMany({ data: placements.slice(0, 3).map((placement, index) => ({ hostUnitId: units[0], cohortId, rank: index + 1, placementId: placement.id })) });
}

interface ReferenceData {
  jurisdictions: Map<string, string>;
  hkId: string;
  szId: string;
  fieldId: (code: FieldCode) => string;
  hkDepartments: Map<string, string>;
  szDepartments: Map<string, string>;
  hkRanks: Map<string, string>;
  szRanks: Map<string, string>;
  szHostUnits: Map<string, string>;
  hkHostUnits: Map<string, string>;
}

/** Staff number → officer id. */
type OfficerIdOf = (staffNumber: string) => string;

interface Coordinators {
  csbCoordinatorId: string;
  szodCoordinatorId: string;
}

type CohortRef = { id: string; startDate: Date; endDate: Date };

interface DemoCohorts {
  firstCohort: CohortRef;
  currentCohort: CohortRef;
  reverseCohort: CohortRef;
  nextCohort: CohortRef;
  currentStart: Date;
  currentEnd: Date;
  reverseStart: Date;
}

/** The demo officers' own placements, which get their own schedule items. */
interface DemoPlacements {
  demoPlacementId: string;
  mainlandPlacementId: string;
}

/** Jurisdictions, fields, departments, ranks and host units (with their fields). */
async function createReferenceData(tx: Tx): Promise<ReferenceData> {
  const jurisdictions = idsByCode(
    await tx.jurisdiction.createManyAndReturn({
      data: JURISDICTIONS.map((j) => ({ code: j.code, kind: j.kind, timeZone: j.timeZone, ...names(j.names) })),
      select: { id: true, code: true },
    }),
  );
  const hkId = lookup(jurisdictions, "HK", "jurisdiction");
  const szId = lookup(jurisdictions, "SZ", "jurisdiction");

  const fields = idsByCode(
    await tx.field.createManyAndReturn({
      data: FIELDS.map((f, i) => ({ code: f.code, sortOrder: (i + 1) * 10, ...names(f.names) })),
      select: { id: true, code: true },
    }),
  );
  const fieldId = (code: FieldCode) => lookup(fields, code, "field");

  const hkDepartments = idsByCode(
    await tx.department.createManyAndReturn({
      data: HK_DEPARTMENTS.map((d) => ({ jurisdictionId: hkId, code: d.code, kind: d.kind, active: d.active ?? true, ...names(d.names) })),
      select: { id: true, code: true },
    }),
  );
  const szDepartments = idsByCode(
    await tx.department.createManyAndReturn({
      data: SZ_DEPARTMENTS.map((d) => ({ jurisdictionId: szId, code: d.code, kind: d.kind, ...names(d.names) })),
      select: { id: true, code: true },
    }),
  );

  const rankData = (jurisdictionId: string, ranks: RankSeed[]) =>
    ranks.map((r) => ({
      jurisdictionId,
      grade: r.grade,
      level: r.level,
      code: r.code,
      isDirectorate: r.directorate ?? false,
      ...names(r.names),
    }));
  const hkRanks = idsByCode(await tx.rank.createManyAndReturn({ data: rankData(hkId, HK_RANKS), select: { id: true, code: true } }));
  const szRanks = idsByCode(await tx.rank.createManyAndReturn({ data: rankData(szId, SZ_RANKS), select: { id: true, code: true } }));

  const hkDepartmentNames = new Map(HK_DEPARTMENTS.map((d) => [d.code, d.names]));
  const hostUnitSeeds: (HostUnitSeed & { jurisdictionId: string })[] = [
    ...SZ_HOST_UNITS.map((u) => ({ ...u, jurisdictionId: szId })),
    ...HK_HOST_UNITS.map((u) => ({ ...u, names: lookup(hkDepartmentNames, u.code, "HK department"), jurisdictionId: hkId })),
  ];
  const hostUnitRows = await tx.hostUnit.createManyAndReturn({
    data: hostUnitSeeds.map((u) => ({
      jurisdictionId: u.jurisdictionId,
      code: u.code,
      district: u.district,
      defaultCapacity: u.capacity,
      ...names(u.names),
    })),
    select: { id: true, code: true, jurisdictionId: true },
  });
  const szHostUnits = idsByCode(hostUnitRows.filter((u) => u.jurisdictionId === szId));
  const hkHostUnits = idsByCode(hostUnitRows.filter((u) => u.jurisdictionId === hkId));
  await tx.hostUnitField.createMany({
    data: hostUnitSeeds.flatMap((u) => {
      const hostUnitId = lookup(u.jurisdictionId === szId ? szHostUnits : hkHostUnits, u.code, "host unit");
      return u.fields.map((code) => ({ hostUnitId, fieldId: fieldId(code) }));
    }),
  });
  return { jurisdictions, hkId, szId, fieldId, hkDepartments, szDepartments, hkRanks, szRanks, szHostUnits, hkHostUnits };
}

/** The invented officers of both sides and their fields. */
async function createOfficers(tx: Tx, { hkId, szId, fieldId, hkDepartments, szDepartments, hkRanks, szRanks }: ReferenceData): Promise<OfficerIdOf> {
  const officerData = [
    ...HK_OFFICERS.map(([surname, givenName, otherName, chineseName, rank, department], i) => ({
      jurisdictionId: hkId,
      staffNumber: hkStaffNumber(i),
      surname,
      givenName,
      otherName,
      chineseName,
      rankId: lookup(hkRanks, rank, "HK rank"),
      departmentId: lookup(hkDepartments, department, "HK department"),
      workEmail: `${(otherName ?? givenName).toLowerCase()}${surname.toLowerCase()}@${department.toLowerCase()}.gov.hk.example`,
    })),
    ...SZ_OFFICERS.map(([surname, givenName, otherName, chineseName, rank, department], i) => ({
      jurisdictionId: szId,
      staffNumber: szStaffNumber(i),
      surname,
      givenName,
      otherName,
      chineseName,
      rankId: lookup(szRanks, rank, "Shenzhen rank"),
      departmentId: lookup(szDepartments, department, "Shenzhen department"),
      workEmail: `${surname.toLowerCase()}.${givenName.toLowerCase()}@sz.gov.cn.example`,
    })),
  ];
  const officerRows = await tx.officer.createManyAndReturn({ data: officerData, select: { id: true, staffNumber: true } });
  const officers = new Map(officerRows.map((o) => [o.staffNumber, o.id]));
  const officerId = (staffNumber: string) => lookup(officers, staffNumber, "officer");
  await tx.officerField.createMany({
    data: [
      ...HK_OFFICERS.flatMap((row, i) => row[6].map((code) => ({ officerId: officerId(hkStaffNumber(i)), fieldId: fieldId(code) }))),
      ...SZ_OFFICERS.flatMap((row, i) => row[6].map((code) => ({ officerId: officerId(szStaffNumber(i)), fieldId: fieldId(code) }))),
    ],
  });
  return officerId;
}

/** The demo admin's confirmed authenticator, with the published demo secret (decision 102). */
async function enrolDemoAdmin(tx: Tx, keyMaterial: string) {
  const admin = await tx.user.findUniqueOrThrow({ where: { email: DEMO_ADMIN_EMAIL }, select: { id: true } });
  await tx.twoFactorCredential.create({ data: { userId: admin.id, secretCiphertext: encryptWithKeyMaterial(DEMO_ADMIN_TOTP_SECRET, keyMaterial), confirmedAt: new Date() } });
}

/** The demo sign-in accounts; returns the two coordinators who approve the demo placements. */
async function createUsers(
  tx: Tx,
  { passwordHash, reference: { jurisdictions, szHostUnits }, officerId }: { passwordHash: string; reference: ReferenceData; officerId: OfficerIdOf },
): Promise<Coordinators> {
  const users = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const user = await tx.user.create({
      data: {
        email: account.email.toLowerCase(),
        name: account.name,
        passwordHash,
        role: account.role,
        locale: "en",
        jurisdictionId: account.jurisdictionCode ? lookup(jurisdictions, account.jurisdictionCode, "jurisdiction") : null,
        officerId:
          account.email === "officer@exchange.demo"
            ? officerId(DEMO_OFFICER_STAFF_NUMBER)
            : account.email === "mainland.officer@exchange.demo"
              ? officerId(DEMO_MAINLAND_OFFICER_STAFF_NUMBER)
              : null,
        hostUnitId: account.email === "supervisor@exchange.demo" ? lookup(szHostUnits, DEMO_SUPERVISOR_HOST_UNIT, "host unit") : null,
      },
      select: { id: true },
    });
    users.set(account.email, user.id);
  }
  const csbCoordinatorId = lookup(users, "csb.coordinator@exchange.demo", "user");
  const szodCoordinatorId = lookup(users, "szod.coordinator@exchange.demo", "user");
  return { csbCoordinatorId, szodCoordinatorId };
}

/** Four cohorts, dated around `today`, and this intake's capacity overrides. */
async function createCohorts(tx: Tx, { today, reference: { hkId, szId, szHostUnits } }: { today: Date; reference: ReferenceData }): Promise<DemoCohorts> {
  const currentStart = startOfIsoWeek(addDays(today, -42));
  const currentEnd = addDays(currentStart, 81); // Friday of week 12
  const current = intake(currentStart);
  const reverseStart = startOfIsoWeek(addDays(today, -21));
  const reverseEnd = addDays(reverseStart, 53); // Friday of week 8
  const reverse = intake(reverseStart);
  const nextStart = addDays(currentStart, 26 * 7);
  const nextEnd = addDays(nextStart, 81);
  const next = intake(nextStart);

  const hkToSzNames = (en: string, zh: string) => ({
    nameEn: `Shenzhen–Hong Kong Civil Service Exchange ${en}`,
    nameZhHant: `深港公務員交流協作項目 ${zh}`,
    nameZhHans: `深港公务员交流协作项目 ${zh}`,
  });

  const firstCohort = await tx.cohort.create({
    data: {
      code: "HKSZ-2023",
      ...hkToSzNames("2023–24", "2023–24"),
      sendingJurisdictionId: hkId,
      hostJurisdictionId: szId,
      startDate: parseDateOnly("2023-12-18"),
      endDate: parseDateOnly("2024-03-08"),
      nominationDeadline: parseDateOnly("2023-10-31"),
      status: CohortStatus.COMPLETED,
    },
  });
  const currentCohort = await tx.cohort.create({
    data: {
      code: `HKSZ-${current.code}`,
      ...hkToSzNames(`(${current.monthName} ${current.year} intake)`, `（${current.year}年${current.month}月批次）`),
      sendingJurisdictionId: hkId,
      hostJurisdictionId: szId,
      startDate: currentStart,
      endDate: currentEnd,
      nominationDeadline: addDays(currentStart, -70),
      status: CohortStatus.IN_PROGRESS,
    },
  });
  const reverseCohort = await tx.cohort.create({
    data: {
      code: `SZHK-${reverse.code}`,
      nameEn: `Shenzhen–Hong Kong Civil Service Exchange: Shenzhen officers in Hong Kong (${reverse.monthName} ${reverse.year} intake)`,
      nameZhHant: `深港公務員交流協作項目：深圳公務員赴港交流（${reverse.year}年${reverse.month}月批次）`,
      nameZhHans: `深港公务员交流协作项目：深圳公务员赴港交流（${reverse.year}年${reverse.month}月批次）`,
      sendingJurisdictionId: szId,
      hostJurisdictionId: hkId,
      startDate: reverseStart,
      endDate: reverseEnd,
      nominationDeadline: addDays(reverseStart, -56),
      status: CohortStatus.IN_PROGRESS,
    },
  });
  const nextCohort = await tx.cohort.create({
    data: {
      code: `HKSZ-${next.code}`,
      ...hkToSzNames(`(${next.monthName} ${next.year} intake)`, `（${next.year}年${next.month}月批次）`),
      sendingJurisdictionId: hkId,
      hostJurisdictionId: szId,
      startDate: nextStart,
      endDate: nextEnd,
      nominationDeadline: addDays(nextStart, -56),
      status: CohortStatus.NOMINATIONS,
    },
  });

  // Per-cohort capacity overrides: this intake the Qianhai Authority takes 2 and Futian District 2 (default 3).
  await tx.hostUnitCapacity.createMany({
    data: [
      { cohortId: currentCohort.id, hostUnitId: lookup(szHostUnits, "QHA", "host unit"), capacity: 2 },
      { cohortId: currentCohort.id, hostUnitId: lookup(szHostUnits, "FT-GOV", "host unit"), capacity: 2 },
    ],
  });
  return { firstCohort, currentCohort, reverseCohort, nextCohort, currentStart, currentEnd, reverseStart };
}

/** The placements of every cohort, in every workflow state. */
async function createPlacements(
  tx: Tx,
  {
    reference: { fieldId, szHostUnits, hkHostUnits },
    officerId,
    coordinators: { csbCoordinatorId, szodCoordinatorId },
    cohorts: { firstCohort, currentCohort, reverseCohort, nextCohort },
  }: { reference: ReferenceData; officerId: OfficerIdOf; coordinators: Coordinators; cohorts: DemoCohorts },
): Promise<DemoPlacements> {
  type Approval = "both" | "sending" | "host" | "none";
  type PlacementSeed = {
    staffNumber: string;
    hostUnit?: string;
    field: FieldCode;
    post?: string;
    status: PlacementStatus;
    approval?: Approval;
    /** Day offsets from the cohort start; default: the whole cohort window. */
    from?: number;
    to?: number;
    approvalResetReason?: string;
    withdrawnReason?: string;
  };

  const placementRows = (
    cohort: CohortRef,
    hostUnits: Map<string, string>,
    approvers: { sending: string; host: string },
    seeds: PlacementSeed[],
  ): Prisma.PlacementCreateManyInput[] =>
    seeds.map((s) => {
      const approval = s.approval ?? (s.status === PlacementStatus.CONFIRMED ? "both" : "none");
      const sendingApproved = approval === "both" || approval === "sending";
      const hostApproved = approval === "both" || approval === "host";
      const startDate = s.from === undefined ? cohort.startDate : addDays(cohort.startDate, s.from);
      const endDate = s.to === undefined ? cohort.endDate : addDays(cohort.startDate, s.to);
      if (startDate < cohort.startDate || endDate > cohort.endDate || endDate < startDate) {
        throw new Error(`Demo seed: placement of ${s.staffNumber} lies outside its cohort window`);
      }
      const withdrawn = s.status === PlacementStatus.WITHDRAWN;
      return {
        cohortId: cohort.id,
        officerId: officerId(s.staffNumber),
        hostUnitId: s.hostUnit ? lookup(hostUnits, s.hostUnit, "host unit") : null,
        fieldId: fieldId(s.field),
        postTitle: s.post ?? null,
        startDate,
        endDate,
        status: s.status,
        sendingApprovedById: sendingApproved ? approvers.sending : null,
        sendingApprovedAt: sendingApproved ? hkt(addDays(cohort.startDate, -28), 10) : null,
        hostApprovedById: hostApproved ? approvers.host : null,
        hostApprovedAt: hostApproved ? hkt(addDays(cohort.startDate, -21), 15, 30) : null,
        approvalResetReason: s.approvalResetReason ?? null,
        withdrawnReason: withdrawn ? (s.withdrawnReason ?? "Withdrawn") : null,
        withdrawnAt: withdrawn ? hkt(addDays(cohort.startDate, -7), 11) : null,
        withdrawnById: withdrawn ? approvers.sending : null,
      };
    });

  const hkToSz = { sending: csbCoordinatorId, host: szodCoordinatorId };
  const szToHk = { sending: szodCoordinatorId, host: csbCoordinatorId };
  const SA_DDH = "Special Assistant to Deputy District Head";
  const { CONFIRMED, ASSIGNED, NOMINATED, WITHDRAWN } = PlacementStatus;

  await tx.placement.createMany({
    data: [
      // a) First cohort, 18 Dec 2023 – 8 Mar 2024: ten officers, all confirmed.
      ...placementRows(firstCohort, szHostUnits, hkToSz, [
        { staffNumber: "HK10021", hostUnit: "SZ-TB-FT", field: "TRANSPORT", post: "Assistant to the Director (Road Traffic Management)", status: CONFIRMED },
        { staffNumber: "HK10022", hostUnit: "QHA-PLAN", field: "URBAN_PLANNING", post: "Planning Officer, Planning Management Division", status: CONFIRMED },
        { staffNumber: "HK10023", hostUnit: "SZ-EEB", field: "ENVIRONMENT", post: "Assistant to the Division Chief (Water Environment)", status: CONFIRMED },
        { staffNumber: "HK10024", hostUnit: "FT-GOV", field: "DISTRICT_GOVERNANCE", post: SA_DDH, status: CONFIRMED },
        { staffNumber: "HK10025", hostUnit: "HETAO", field: "TECHNOLOGY", post: "Project Officer (Cross-boundary Data and Innovation Platforms)", status: CONFIRMED },
        { staffNumber: "HK10026", hostUnit: "FT-GOV", field: "DISTRICT_GOVERNANCE", post: SA_DDH, status: CONFIRMED },
        { staffNumber: "HK10027", hostUnit: "SZ-TB", field: "TRANSPORT", post: "Special Assistant (Cross-boundary Transport Planning)", status: CONFIRMED },
        {
          staffNumber: "HK10028",
          hostUnit: "QHA",
          field: "URBAN_PLANNING",
          post: "Special Assistant to Deputy Director-General (Qianhai Authority)",
          status: CONFIRMED,
        },
        { staffNumber: "HK10029", hostUnit: "HETAO", field: "TECHNOLOGY", post: "Special Assistant (Innovation Cooperation)", status: CONFIRMED },
        { staffNumber: "HK10030", hostUnit: "SZ-UMLE", field: "ENVIRONMENT", post: "Assistant to the Division Chief (City Appearance)", status: CONFIRMED },
      ]),
      // b) Current Hong Kong → Shenzhen cohort: every workflow state. The cohort started 6–7 weeks before `today`, so
      //    the placements still awaiting approval (from day 49 on) all start after `today`.
      ...placementRows(currentCohort, szHostUnits, hkToSz, [
        {
          staffNumber: DEMO_OFFICER_STAFF_NUMBER,
          hostUnit: DEMO_SUPERVISOR_HOST_UNIT,
          field: "URBAN_PLANNING",
          post: "Special Assistant to the Director (Urban Renewal)",
          status: CONFIRMED,
        },
        { staffNumber: "HK10002", hostUnit: "SZ-TB-FT", field: "TRANSPORT", post: "Assistant to the Director (Traffic Planning)", status: CONFIRMED },
        { staffNumber: "HK10003", hostUnit: "SZ-EEB", field: "ENVIRONMENT", post: "Assistant to the Division Chief (Atmospheric Environment)", status: CONFIRMED },
        { staffNumber: "HK10004", hostUnit: "FT-GOV", field: "DISTRICT_GOVERNANCE", post: SA_DDH, status: CONFIRMED },
        {
          staffNumber: "HK10005",
          hostUnit: "FT-GSDM",
          field: "TECHNOLOGY",
          post: "Special Assistant (Smart City and Data Services)",
          status: CONFIRMED,
          to: 53, // eight weeks
        },
        {
          staffNumber: "HK10006",
          hostUnit: "SZ-TB",
          field: "TRANSPORT",
          post: "Assistant to the Division Chief (Road Network Planning)",
          status: ASSIGNED,
          approval: "sending",
          from: 49,
        },
        {
          staffNumber: "HK10007",
          hostUnit: "QHA-PLAN",
          field: "URBAN_PLANNING",
          post: "Planning Officer, Planning Management Division",
          status: ASSIGNED,
          approval: "host",
          from: 49,
        },
        { staffNumber: "HK10008", hostUnit: "FT-DRB", field: "DISTRICT_GOVERNANCE", post: "Assistant to the Director (Regional Cooperation)", status: ASSIGNED, from: 56 },
        {
          staffNumber: "HK10009",
          hostUnit: "SZ-EEB-FT",
          field: "ENVIRONMENT",
          post: "Assistant to the Director (Pollution Control)",
          status: ASSIGNED,
          from: 56,
          approvalResetReason: "Start date moved from week 5 to week 9 at the home bureau's request; both sides to approve again.",
        },
        { staffNumber: "HK10010", field: "URBAN_PLANNING", status: NOMINATED },
        { staffNumber: "HK10011", field: "TECHNOLOGY", status: NOMINATED },
        {
          staffNumber: "HK10012",
          hostUnit: "QHA",
          field: "URBAN_PLANNING",
          post: "Assistant to the Division Chief (Industry Development)",
          status: WITHDRAWN,
          approval: "both",
          withdrawnReason: "Recalled by the home bureau for urgent policy work.",
        },
        {
          staffNumber: "HK10013",
          hostUnit: "QHA",
          field: "DISTRICT_GOVERNANCE",
          post: "Special Assistant to Deputy Director-General (Qianhai Authority)",
          status: CONFIRMED,
        },
        { staffNumber: "HK10014", hostUnit: "FT-GOV", field: "DISTRICT_GOVERNANCE", post: SA_DDH, status: CONFIRMED },
      ]),
      // c) Current Shenzhen → Hong Kong cohort, placed to mirror the officers' home functions.
      ...placementRows(reverseCohort, hkHostUnits, szToHk, [
        { staffNumber: DEMO_MAINLAND_OFFICER_STAFF_NUMBER, hostUnit: "PLAND", field: "URBAN_PLANNING", post: "Attachment Officer, Territorial Studies Section", status: CONFIRMED },
        { staffNumber: "SZ20002", hostUnit: "TD", field: "TRANSPORT", post: "Attachment Officer, Strategic Studies Division", status: CONFIRMED },
        { staffNumber: "SZ20003", hostUnit: "EPD", field: "ENVIRONMENT", post: "Attachment Officer, Air Policy Group", status: CONFIRMED },
        { staffNumber: "SZ20004", hostUnit: "DPO", field: "TECHNOLOGY", post: "Attachment Officer, Smart Government Division", status: CONFIRMED },
        { staffNumber: "SZ20005", hostUnit: "HAD", field: "DISTRICT_GOVERNANCE", post: "Attachment Officer, District Administration", status: CONFIRMED },
        { staffNumber: "SZ20006", hostUnit: "PLAND", field: "URBAN_PLANNING", post: "Attachment Officer, District Planning", status: ASSIGNED, approval: "sending", from: 28 },
        { staffNumber: "SZ20007", hostUnit: "TD", field: "TRANSPORT", post: "Attachment Officer, Traffic Engineering", status: CONFIRMED, to: 25 },
        { staffNumber: "SZ20008", hostUnit: "EEB", field: "ENVIRONMENT", post: "Attachment Officer, Environment Branch", status: ASSIGNED, from: 28 },
        { staffNumber: "SZ20009", field: "TECHNOLOGY", status: NOMINATED },
        { staffNumber: "SZ20010", hostUnit: "HAD", field: "DISTRICT_GOVERNANCE", post: "Attachment Officer, Community Engagement", status: CONFIRMED },
      ]),
      // d) Next Hong Kong → Shenzhen cohort: nominations open.
      ...placementRows(nextCohort, szHostUnits, hkToSz, [
        { staffNumber: "HK10031", field: "TECHNOLOGY", status: NOMINATED },
        { staffNumber: "HK10032", field: "DISTRICT_GOVERNANCE", status: NOMINATED },
        { staffNumber: "HK10033", field: "TRANSPORT", status: NOMINATED },
        { staffNumber: "HK10034", field: "DISTRICT_GOVERNANCE", status: NOMINATED },
        { staffNumber: "HK10035", field: "TRANSPORT", status: NOMINATED },
      ]),
    ],
  });

  const placementOf = async (cohortId: string, staffNumber: string) =>
    (await tx.placement.findFirstOrThrow({ where: { cohortId, officerId: officerId(staffNumber) }, select: { id: true } })).id;
  const demoPlacementId = await placementOf(currentCohort.id, DEMO_OFFICER_STAFF_NUMBER);
  const mainlandPlacementId = await placementOf(reverseCohort.id, DEMO_MAINLAND_OFFICER_STAFF_NUMBER);
  return { demoPlacementId, mainlandPlacementId };
}

/** Cohort-wide schedule items and those of the demo officers' own placements. */
async function createSchedule(
  tx: Tx,
  {
    coordinators: { csbCoordinatorId, szodCoordinatorId },
    cohorts: { firstCohort, currentCohort, reverseCohort, nextCohort, currentStart, currentEnd, reverseStart },
    demoPlacements: { demoPlacementId, mainlandPlacementId },
  }: { coordinators: Coordinators; cohorts: DemoCohorts; demoPlacements: DemoPlacements },
): Promise<void> {
  const inShenzhen = {
    opening: "Qianhai Authority, Qianhai, Shenzhen",
    review: "Futian District People's Government, Futian, Shenzhen",
    organiser: szodCoordinatorId,
  };
  const inHongKong = {
    opening: "Civil Service College, North Point, Hong Kong",
    review: "Central Government Offices, Tamar, Hong Kong",
    organiser: csbCoordinatorId,
  };
  const cohortWide = (cohort: CohortRef, place: typeof inShenzhen): Prisma.ScheduleItemCreateManyInput[] => [
    {
      cohortId: cohort.id,
      type: ScheduleItemType.CEREMONY,
      title: "Opening ceremony",
      location: place.opening,
      createdById: place.organiser,
      ...timed(cohort.startDate, [10, 0], [11, 30]),
    },
    {
      cohortId: cohort.id,
      type: ScheduleItemType.ORIENTATION,
      title: "Orientation briefing",
      location: place.opening,
      notes: "Programme overview, host-unit introductions, practical arrangements.",
      createdById: place.organiser,
      ...timed(cohort.startDate, [14, 0], [17, 0]),
    },
    {
      cohortId: cohort.id,
      type: ScheduleItemType.REVIEW_MEETING,
      title: "Review meeting: officers' presentations",
      location: place.review,
      createdById: place.organiser,
      ...timed(addDays(cohort.endDate, -11), [9, 30], [12, 30]),
    },
    {
      cohortId: cohort.id,
      type: ScheduleItemType.CEREMONY,
      title: "Closing ceremony",
      location: place.opening,
      createdById: place.organiser,
      ...timed(cohort.endDate, [15, 0], [16, 30]),
    },
  ];

  await tx.scheduleItem.createMany({
    data: [
      ...cohortWide(firstCohort, inShenzhen),
      {
        cohortId: firstCohort.id,
        type: ScheduleItemType.SITE_VISIT,
        title: "Site visit: Hetao Shenzhen Park",
        location: "Futian Free Trade Zone, Shenzhen",
        createdById: szodCoordinatorId,
        ...timed(parseDateOnly("2024-01-11"), [14, 0], [17, 0]),
      },
      ...cohortWide(currentCohort, inShenzhen),
      ...cohortWide(reverseCohort, inHongKong),
      ...cohortWide(nextCohort, inShenzhen),
      // officer@exchange.demo's own placement
      {
        cohortId: currentCohort.id,
        placementId: demoPlacementId,
        type: ScheduleItemType.SITE_VISIT,
        title: "Site visit: Futian urban renewal projects",
        location: "Futian District, Shenzhen",
        createdById: szodCoordinatorId,
        ...timed(addDays(currentStart, 17), [9, 30], [12, 0]),
      },
      {
        cohortId: currentCohort.id,
        placementId: demoPlacementId,
        type: ScheduleItemType.MILESTONE,
        title: "Mid-term check-in",
        createdById: csbCoordinatorId,
        ...allDay(addDays(currentStart, 42)),
      },
      {
        cohortId: currentCohort.id,
        placementId: demoPlacementId,
        type: ScheduleItemType.SITE_VISIT,
        title: "Site visit: Shenzhen Bay headquarters district",
        location: "Nanshan District, Shenzhen",
        createdById: szodCoordinatorId,
        ...timed(addDays(currentStart, 58), [14, 0], [17, 0]),
      },
      {
        cohortId: currentCohort.id,
        placementId: demoPlacementId,
        type: ScheduleItemType.MILESTONE,
        title: "Final report due",
        createdById: csbCoordinatorId,
        ...allDay(addDays(currentEnd, -7)),
      },
      // mainland.officer@exchange.demo's placement
      {
        cohortId: reverseCohort.id,
        placementId: mainlandPlacementId,
        type: ScheduleItemType.SITE_VISIT,
        title: "Site visit: Kai Tak Development",
        location: "Kai Tak, Kowloon, Hong Kong",
        createdById: csbCoordinatorId,
        ...timed(addDays(reverseStart, 10), [10, 0], [12, 30]),
      },
    ],
  });
}
