// Factories for integration tests. Each creates a valid row with unique codes and names; pass overrides for what
// the test cares about. Missing parents (jurisdiction, rank, department, officer, host unit) are created on the fly.
// Independent of prisma/seed/demo.ts: tests never depend on demo data.
import { randomBytes } from "node:crypto";
import type { Prisma, PrismaClient, User } from "../../generated/prisma/client.ts";
import {
  CohortStatus,
  DepartmentKind,
  JurisdictionKind,
  PlacementStatus,
  Role,
} from "../../generated/prisma/enums.ts";
import { addDays, parseDateOnly, startOfIsoWeek, todayInHongKong } from "../../lib/dates.ts";
import { hashPassword } from "../../lib/password.ts";

/** A client or an interactive-transaction client. */
export type FactoryDb = PrismaClient | Prisma.TransactionClient;

export const DEFAULT_TEST_PASSWORD = "Correct-Horse-Battery-1";

const runId = randomBytes(3).toString("hex");
let counter = 0;

/** Unique within a test run and across parallel test files: a random run id plus a counter. */
export function uniqueSuffix(): string {
  counter += 1;
  return `${runId}${counter}`;
}

/** Monday on or before `now`'s date in Hong Kong. */
function mondayOfWeekInHongKong(now: Date): Date {
  return startOfIsoWeek(parseDateOnly(todayInHongKong(now)));
}

// argon2 costs ~50 ms per hash; tests reuse a handful of passwords.
const hashes = new Map<string, Promise<string>>();
function hashOnce(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

// Invented people, in the two naming styles of the programme.
const HK_NAMES: [surname: string, givenName: string, otherName: string, chineseName: string][] = [
  ["Yuen", "Ka-wai", "Karen", "袁嘉慧"],
  ["Pang", "Chi-wing", "Ronald", "彭志榮"],
  ["Kwong", "Mei-yee", "Sharon", "鄺美儀"],
  ["Szeto", "Kin-fung", "Alex", "司徒健峰"],
  ["Ching", "Wai-lun", "Henry", "程偉倫"],
];
const MAINLAND_NAMES: [surname: string, givenName: string, chineseName: string][] = [
  ["Sun", "Yiming", "孙一鸣"],
  ["Tian", "Xiaoqing", "田晓青"],
  ["Fang", "Zhiyuan", "方志远"],
  ["Yu", "Wenjie", "于文杰"],
];

// ---------------------------------------------------------------------------------------------------------------

export async function createJurisdiction(db: FactoryDb, overrides: Partial<Prisma.JurisdictionUncheckedCreateInput> = {}) {
  const s = uniqueSuffix();
  return db.jurisdiction.create({
    data: {
      code: `J${s}`.toUpperCase(),
      kind: JurisdictionKind.MAINLAND_CITY,
      nameEn: `Test City ${s}`,
      nameZhHant: `測試市 ${s}`,
      nameZhHans: `测试市 ${s}`,
      timeZone: "Asia/Shanghai",
      ...overrides,
    },
  });
}

export async function createField(db: FactoryDb, overrides: Partial<Prisma.FieldUncheckedCreateInput> = {}) {
  const s = uniqueSuffix();
  return db.field.create({
    data: {
      code: `FIELD_${s}`.toUpperCase(),
      nameEn: `Test field ${s}`,
      nameZhHant: `測試範疇 ${s}`,
      nameZhHans: `测试范畴 ${s}`,
      sortOrder: counter,
      ...overrides,
    },
  });
}

export async function createDepartment(db: FactoryDb, overrides: Partial<Prisma.DepartmentUncheckedCreateInput> = {}) {
  const s = uniqueSuffix();
  const jurisdictionId = overrides.jurisdictionId ?? (await createJurisdiction(db)).id;
  return db.department.create({
    data: {
      code: `D${s}`.toUpperCase(),
      kind: DepartmentKind.DEPARTMENT,
      nameEn: `Test Department ${s}`,
      nameZhHant: `測試署 ${s}`,
      nameZhHans: `测试署 ${s}`,
      ...overrides,
      jurisdictionId,
    },
  });
}

export async function createRank(db: FactoryDb, overrides: Partial<Prisma.RankUncheckedCreateInput> = {}) {
  const s = uniqueSuffix();
  const jurisdictionId = overrides.jurisdictionId ?? (await createJurisdiction(db)).id;
  return db.rank.create({
    data: {
      grade: `G${s}`.toUpperCase(),
      level: 1,
      code: `R${s}`.toUpperCase(),
      nameEn: `Test Officer ${s}`,
      nameZhHant: `測試主任 ${s}`,
      nameZhHans: `测试主任 ${s}`,
      ...overrides,
      jurisdictionId,
    },
  });
}

export async function createHostUnit(
  db: FactoryDb,
  overrides: Partial<Prisma.HostUnitUncheckedCreateInput> & { fieldIds?: string[] } = {},
) {
  const s = uniqueSuffix();
  const { fieldIds = [], ...data } = overrides;
  const jurisdictionId = data.jurisdictionId ?? (await createJurisdiction(db)).id;
  const hostUnit = await db.hostUnit.create({
    data: {
      code: `HU${s}`.toUpperCase(),
      district: "Futian",
      nameEn: `Test Host Unit ${s}`,
      nameZhHant: `測試接收單位 ${s}`,
      nameZhHans: `测试接收单位 ${s}`,
      defaultCapacity: 2,
      ...data,
      jurisdictionId,
    },
  });
  if (fieldIds.length > 0) {
    await db.hostUnitField.createMany({ data: fieldIds.map((fieldId) => ({ hostUnitId: hostUnit.id, fieldId })) });
  }
  return hostUnit;
}

/**
 * An officer; missing jurisdiction, rank or department are created (rank and department in the officer's
 * jurisdiction). Names follow the Hong Kong style for a SAR jurisdiction and the mainland style otherwise.
 */
export async function createOfficer(
  db: FactoryDb,
  overrides: Partial<Prisma.OfficerUncheckedCreateInput> & { fieldIds?: string[] } = {},
) {
  const s = uniqueSuffix();
  const { fieldIds = [], ...data } = overrides;
  const jurisdiction = data.jurisdictionId
    ? await db.jurisdiction.findUniqueOrThrow({ where: { id: data.jurisdictionId } })
    : await createJurisdiction(db);
  const rankId = data.rankId ?? (await createRank(db, { jurisdictionId: jurisdiction.id })).id;
  const departmentId = data.departmentId ?? (await createDepartment(db, { jurisdictionId: jurisdiction.id })).id;
  let names: { surname: string; givenName: string; otherName: string | null; chineseName: string };
  if (jurisdiction.kind === JurisdictionKind.SAR) {
    const [surname, givenName, otherName, chineseName] = HK_NAMES[counter % HK_NAMES.length];
    names = { surname, givenName, otherName, chineseName };
  } else {
    const [surname, givenName, chineseName] = MAINLAND_NAMES[counter % MAINLAND_NAMES.length];
    names = { surname, givenName, otherName: null, chineseName };
  }
  const officer = await db.officer.create({
    data: {
      staffNumber: `S${s}`.toUpperCase(),
      ...names,
      workEmail: `officer.${s}@example.test`,
      ...data,
      jurisdictionId: jurisdiction.id,
      rankId,
      departmentId,
    },
  });
  if (fieldIds.length > 0) {
    await db.officerField.createMany({ data: fieldIds.map((fieldId) => ({ officerId: officer.id, fieldId })) });
  }
  return officer;
}

/**
 * A cohort; default window: 12 weeks from the Monday of `now`'s week (Hong Kong date; default the system clock) to the
 * Friday of week 12. A test that compares with "today" passes the same `now` to the code under test.
 */
export async function createCohort(
  db: FactoryDb,
  overrides: Partial<Prisma.CohortUncheckedCreateInput> & { sendingJurisdictionId: string; hostJurisdictionId: string },
  options: { now?: Date } = {},
) {
  const s = uniqueSuffix();
  const startDate = overrides.startDate ? new Date(overrides.startDate) : mondayOfWeekInHongKong(options.now ?? new Date());
  return db.cohort.create({
    data: {
      code: `C-${s}`.toUpperCase(),
      nameEn: `Test Exchange Cohort ${s}`,
      nameZhHant: `測試交流批次 ${s}`,
      nameZhHans: `测试交流批次 ${s}`,
      startDate,
      endDate: addDays(startDate, 81),
      ...overrides,
    },
  });
}

/**
 * A placement of `officerId` in `cohortId`, over the cohort window unless dates are given. Status defaults to
 * ASSIGNED with a host unit and NOMINATED without; CONFIRMED gets both approvals and WITHDRAWN a reason when not given.
 */
export async function createPlacement(
  db: FactoryDb,
  overrides: Partial<Prisma.PlacementUncheckedCreateInput> & { officerId: string; cohortId: string },
) {
  const cohort = await db.cohort.findUniqueOrThrow({ where: { id: overrides.cohortId } });
  const status = overrides.status ?? (overrides.hostUnitId ? PlacementStatus.ASSIGNED : PlacementStatus.NOMINATED);
  const now = new Date();
  const defaults: Partial<Prisma.PlacementUncheckedCreateInput> = {};
  if (status === PlacementStatus.CONFIRMED) {
    defaults.sendingApprovedAt = now;
    defaults.hostApprovedAt = now;
  }
  if (status === PlacementStatus.WITHDRAWN) {
    defaults.withdrawnReason = "Withdrawn for the test";
    defaults.withdrawnAt = now;
  }
  return db.placement.create({
    data: {
      startDate: cohort.startDate,
      endDate: cohort.endDate,
      ...defaults,
      ...overrides,
      status,
    },
  });
}

export type CreatedUser = User & { password: string };

/**
 * A user that can sign in with `password` (default DEFAULT_TEST_PASSWORD). Satisfies the role rules of the
 * database: an OFFICER gets an officer, a COORDINATOR or SUPERVISOR a jurisdiction, a SUPERVISOR a host unit.
 */
export async function createUser(
  db: FactoryDb,
  overrides: Partial<Prisma.UserUncheckedCreateInput> & { role: Role; password?: string },
): Promise<CreatedUser> {
  const s = uniqueSuffix();
  const { password = DEFAULT_TEST_PASSWORD, ...data } = overrides;
  let jurisdictionId = data.jurisdictionId;
  let officerId = data.officerId;
  let hostUnitId = data.hostUnitId;
  if (data.role === Role.OFFICER && !officerId) {
    officerId = (await createOfficer(db, jurisdictionId ? { jurisdictionId } : {})).id;
  }
  if (data.role === Role.OFFICER && jurisdictionId === undefined && officerId) {
    jurisdictionId = (await db.officer.findUniqueOrThrow({ where: { id: officerId } })).jurisdictionId;
  }
  if ((data.role === Role.COORDINATOR || data.role === Role.SUPERVISOR) && !jurisdictionId) {
    jurisdictionId = hostUnitId
      ? (await db.hostUnit.findUniqueOrThrow({ where: { id: hostUnitId } })).jurisdictionId
      : (await createJurisdiction(db)).id;
  }
  if (data.role === Role.SUPERVISOR && !hostUnitId) {
    hostUnitId = (await createHostUnit(db, { jurisdictionId: jurisdictionId ?? undefined })).id;
  }
  const user = await db.user.create({
    data: {
      name: `Test ${data.role.toLowerCase()} ${s}`,
      ...data,
      email: (data.email ?? `user.${s}@example.test`).toLowerCase(),
      passwordHash: await hashOnce(password),
      jurisdictionId,
      officerId,
      hostUnitId,
    },
  });
  return { ...user, password };
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Both sides of the programme: Hong Kong and Shenzhen (codes made unique, e.g. "HK-ab12c3"), one field, a rank and a
 * department per side, two host units per side, an HK→SZ and an SZ→HK cohort (status MATCHING, this week's Monday for
 * 12 weeks), a coordinator per side, an administrator, a Shenzhen supervisor of szHostUnits[0], and two Hong Kong
 * officers with OFFICER accounts. All users share DEFAULT_TEST_PASSWORD. `now` (default the system clock) places the
 * cohorts; pass the same instant to the code under test when it compares with "today".
 */
export async function createTwoSidedWorld(db: FactoryDb, options: { now?: Date } = {}) {
  const s = uniqueSuffix();
  const hk = await createJurisdiction(db, {
    code: `HK-${s}`.toUpperCase(),
    kind: JurisdictionKind.SAR,
    nameEn: `Hong Kong SAR ${s}`,
    nameZhHant: `香港特別行政區 ${s}`,
    nameZhHans: `香港特别行政区 ${s}`,
    timeZone: "Asia/Hong_Kong",
  });
  const sz = await createJurisdiction(db, {
    code: `SZ-${s}`.toUpperCase(),
    kind: JurisdictionKind.MAINLAND_CITY,
    nameEn: `Shenzhen ${s}`,
    nameZhHant: `深圳市 ${s}`,
    nameZhHans: `深圳市 ${s}`,
    timeZone: "Asia/Shanghai",
  });
  const field = await createField(db, {
    code: `URBAN_PLANNING_${s}`.toUpperCase(),
    nameEn: `Urban planning ${s}`,
    nameZhHant: `城市規劃 ${s}`,
    nameZhHans: `城市规划 ${s}`,
  });

  const hkRank = await createRank(db, {
    jurisdictionId: hk.id,
    grade: "TP",
    level: 2,
    code: "STP",
    nameEn: "Senior Town Planner",
    nameZhHant: "高級城市規劃師",
    nameZhHans: "高级城市规划师",
  });
  const szRank = await createRank(db, {
    jurisdictionId: sz.id,
    grade: "DIV",
    level: 2,
    code: "DC",
    nameEn: "Division Chief",
    nameZhHant: "處長",
    nameZhHans: "处长",
  });
  const hkDepartment = await createDepartment(db, {
    jurisdictionId: hk.id,
    code: "PLAND",
    kind: DepartmentKind.DEPARTMENT,
    nameEn: "Planning Department",
    nameZhHant: "規劃署",
    nameZhHans: "规划署",
  });
  const szDepartment = await createDepartment(db, {
    jurisdictionId: sz.id,
    code: "SZPNR",
    kind: DepartmentKind.BUREAU,
    nameEn: "Planning and Natural Resources Bureau of Shenzhen Municipality",
    nameZhHant: "深圳市規劃和自然資源局",
    nameZhHans: "深圳市规划和自然资源局",
  });

  const fieldIds = [field.id];
  const szHostUnits = [
    await createHostUnit(db, {
      jurisdictionId: sz.id,
      code: "QHA-PLAN",
      district: "Qianhai",
      nameEn: "Planning Management Division, Qianhai Authority",
      nameZhHant: "前海管理局規劃管理處",
      nameZhHans: "前海管理局规划管理处",
      defaultCapacity: 2,
      fieldIds,
    }),
    await createHostUnit(db, {
      jurisdictionId: sz.id,
      code: "FT-GOV",
      district: "Futian",
      nameEn: "Futian District People's Government",
      nameZhHant: "深圳市福田區人民政府",
      nameZhHans: "深圳市福田区人民政府",
      defaultCapacity: 1,
      fieldIds,
    }),
  ];
  const hkHostUnits = [
    await createHostUnit(db, {
      jurisdictionId: hk.id,
      code: "PLAND",
      district: "Hong Kong",
      nameEn: "Planning Department",
      nameZhHant: "規劃署",
      nameZhHans: "规划署",
      defaultCapacity: 2,
      fieldIds,
    }),
    await createHostUnit(db, {
      jurisdictionId: hk.id,
      code: "TD",
      district: "Hong Kong",
      nameEn: "Transport Department",
      nameZhHant: "運輸署",
      nameZhHans: "运输署",
      defaultCapacity: 1,
      fieldIds,
    }),
  ];

  const hkToSz = await createCohort(db, {
    sendingJurisdictionId: hk.id,
    hostJurisdictionId: sz.id,
    code: `HKSZ-${s}`.toUpperCase(),
    nameEn: `Shenzhen–Hong Kong Civil Service Exchange (test ${s})`,
    nameZhHant: `深港公務員交流協作項目（測試 ${s}）`,
    nameZhHans: `深港公务员交流协作项目（测试 ${s}）`,
    status: CohortStatus.MATCHING,
  }, options);
  const szToHk = await createCohort(db, {
    sendingJurisdictionId: sz.id,
    hostJurisdictionId: hk.id,
    code: `SZHK-${s}`.toUpperCase(),
    nameEn: `Shenzhen officers in Hong Kong (test ${s})`,
    nameZhHant: `深圳公務員赴港交流（測試 ${s}）`,
    nameZhHans: `深圳公务员赴港交流（测试 ${s}）`,
    status: CohortStatus.MATCHING,
  }, options);

  const hkCoordinator = await createUser(db, {
    role: Role.COORDINATOR,
    jurisdictionId: hk.id,
    email: `hk.coordinator.${s}@example.test`,
    name: `HK Coordinator ${s}`,
  });
  const szCoordinator = await createUser(db, {
    role: Role.COORDINATOR,
    jurisdictionId: sz.id,
    email: `sz.coordinator.${s}@example.test`,
    name: `SZ Coordinator ${s}`,
  });
  const admin = await createUser(db, { role: Role.ADMIN, email: `admin.${s}@example.test`, name: `Administrator ${s}` });
  const szSupervisor = await createUser(db, {
    role: Role.SUPERVISOR,
    jurisdictionId: sz.id,
    hostUnitId: szHostUnits[0].id,
    email: `sz.supervisor.${s}@example.test`,
    name: `SZ Supervisor ${s}`,
  });

  const hkOfficers = [
    await createOfficer(db, {
      jurisdictionId: hk.id,
      rankId: hkRank.id,
      departmentId: hkDepartment.id,
      surname: "Yuen",
      givenName: "Ka-wai",
      otherName: "Karen",
      chineseName: "袁嘉慧",
      fieldIds,
    }),
    await createOfficer(db, {
      jurisdictionId: hk.id,
      rankId: hkRank.id,
      departmentId: hkDepartment.id,
      surname: "Pang",
      givenName: "Chi-wing",
      otherName: "Ronald",
      chineseName: "彭志榮",
      fieldIds,
    }),
  ];
  const hkOfficerUsers = [
    await createUser(db, { role: Role.OFFICER, jurisdictionId: hk.id, officerId: hkOfficers[0].id, email: `officer1.${s}@example.test` }),
    await createUser(db, { role: Role.OFFICER, jurisdictionId: hk.id, officerId: hkOfficers[1].id, email: `officer2.${s}@example.test` }),
  ];

  return {
    hk,
    sz,
    field,
    hkRank,
    szRank,
    hkDepartment,
    szDepartment,
    szHostUnits,
    hkHostUnits,
    hkToSz,
    szToHk,
    hkCoordinator,
    szCoordinator,
    admin,
    szSupervisor,
    hkOfficers,
    hkOfficerUsers,
  };
}

export type TwoSidedWorld = Awaited<ReturnType<typeof createTwoSidedWorld>>;

/** A signed-in session of the user, as sign-in creates it (Session row; the token carries its id). */
export async function createSession(db: FactoryDb, userId: string, overrides: Partial<Prisma.SessionUncheckedCreateInput> = {}): Promise<string> {
  const session = await db.session.create({
    data: { userId, expiresAt: new Date(Date.now() + 8 * 60 * 60 * 1000), ipAddress: "192.0.2.1", ...overrides },
    select: { id: true },
  });
  return session.id;
}
