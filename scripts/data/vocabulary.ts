// Material for the scale-data generator: invented people in the two naming styles of the programme, and
// trilingual names of departments and host units built from real function and district names. Every Chinese
// string is given in Traditional (as written in Hong Kong) and Simplified (as on the mainland) by hand, never
// converted by a program.

export type Trilingual = readonly [en: string, zhHant: string, zhHans: string];

/** Hong Kong surnames: Cantonese romanisation and the Traditional character. */
export const HK_SURNAMES: readonly (readonly [string, string])[] = [
  ["Chan", "陳"], ["Wong", "黃"], ["Lee", "李"], ["Cheung", "張"], ["Lau", "劉"], ["Ng", "吳"], ["Leung", "梁"],
  ["Ho", "何"], ["Lam", "林"], ["Tsang", "曾"], ["Yip", "葉"], ["Fung", "馮"], ["Chow", "周"], ["Kwok", "郭"],
  ["Tang", "鄧"], ["Poon", "潘"], ["Yeung", "楊"], ["Choi", "蔡"], ["Law", "羅"], ["Kwan", "關"], ["Chu", "朱"],
  ["So", "蘇"], ["Lo", "盧"], ["Tse", "謝"], ["Au", "區"], ["Hui", "許"], ["Wan", "溫"], ["Cheng", "鄭"],
  ["Chiu", "趙"], ["Ma", "馬"], ["Lui", "呂"], ["Kong", "江"], ["Shum", "岑"], ["Yau", "邱"], ["Fok", "霍"],
  ["Mok", "莫"], ["Tam", "譚"], ["Wu", "胡"], ["Mak", "麥"], ["Siu", "蕭"], ["Sze", "施"], ["Yuen", "袁"],
  ["Pang", "彭"], ["Kwong", "鄺"], ["Szeto", "司徒"], ["Ching", "程"], ["Ngai", "魏"], ["Tong", "湯"], ["Lai", "黎"],
];

/** Syllables of Hong Kong given names ("Ka-wai" = 家偉). */
export const HK_GIVEN_SYLLABLES: readonly (readonly [string, string])[] = [
  ["Ka", "家"], ["Wai", "偉"], ["Man", "文"], ["Ying", "英"], ["Chi", "志"], ["Kin", "健"], ["Mei", "美"],
  ["Yan", "欣"], ["Hoi", "凱"], ["Wing", "詠"], ["Siu", "少"], ["Tak", "德"], ["Ming", "明"], ["Kwok", "國"],
  ["Fai", "輝"], ["Lok", "樂"], ["Ting", "婷"], ["Sze", "詩"], ["Yee", "儀"], ["Kit", "傑"], ["Hang", "恒"],
  ["Chun", "俊"], ["Tsz", "子"], ["Lai", "麗"], ["Pui", "佩"], ["Shan", "珊"], ["Hin", "軒"], ["Yiu", "耀"],
  ["Suet", "雪"], ["Wah", "華"], ["Kei", "琪"], ["Lun", "倫"], ["Fung", "峰"], ["Hei", "熙"], ["Ching", "晴"],
];

export const HK_OTHER_NAMES: readonly string[] = [
  "Peter", "Mary", "Kelvin", "Michelle", "Raymond", "Winnie", "Dennis", "Joyce", "Patrick", "Cherry", "Eric",
  "Iris", "Alan", "Jason", "Grace", "Kenneth", "Stephanie", "Anthony", "Carol", "Vincent", "Fiona", "Terence",
  "Janice", "Edmond", "Priscilla", "Brian", "Sandy", "Stanley", "Natalie", "Marcus", "Angela", "Derek", "Crystal",
  "Philip", "Teresa", "Oscar", "Queenie", "Gary", "Rebecca", "Ivan", "Cindy", "Karen", "Ronald", "Sharon", "Henry",
];

/** Hong Kong officers without a Chinese name (a few per thousand). */
export const NON_CHINESE_HK_NAMES: readonly (readonly [surname: string, givenName: string])[] = [
  ["Smith", "Jonathan"], ["Khan", "Aisha"], ["Singh", "Harpreet"], ["Fernandes", "Maria"], ["Brown", "Oliver"],
];

/** Mainland surnames: pinyin and the Simplified character. */
export const MAINLAND_SURNAMES: readonly (readonly [string, string])[] = [
  ["Wang", "王"], ["Li", "李"], ["Zhang", "张"], ["Liu", "刘"], ["Chen", "陈"], ["Yang", "杨"], ["Huang", "黄"],
  ["Zhao", "赵"], ["Wu", "吴"], ["Zhou", "周"], ["Xu", "徐"], ["Sun", "孙"], ["Ma", "马"], ["Zhu", "朱"],
  ["Hu", "胡"], ["Guo", "郭"], ["He", "何"], ["Lin", "林"], ["Luo", "罗"], ["Gao", "高"], ["Zheng", "郑"],
  ["Liang", "梁"], ["Xie", "谢"], ["Song", "宋"], ["Tang", "唐"], ["Han", "韩"], ["Feng", "冯"], ["Deng", "邓"],
  ["Cao", "曹"], ["Peng", "彭"], ["Zeng", "曾"], ["Xiao", "萧"], ["Tian", "田"], ["Dong", "董"], ["Pan", "潘"],
  ["Yuan", "袁"], ["Cai", "蔡"], ["Jiang", "蒋"], ["Yu", "余"], ["Du", "杜"], ["Ye", "叶"], ["Cheng", "程"],
  ["Wei", "魏"], ["Su", "苏"], ["Lü", "吕"], ["Ding", "丁"], ["Ren", "任"], ["Lu", "卢"], ["Yao", "姚"], ["Shen", "沈"],
  ["Ouyang", "欧阳"], ["Sima", "司马"],
];

/** Pieces of mainland given names; one or two make a name ("Zhi" + "qiang" = 志强). */
export const MAINLAND_GIVEN_PIECES: readonly (readonly [string, string])[] = [
  ["wei", "伟"], ["fang", "芳"], ["min", "敏"], ["jing", "静"], ["li", "丽"], ["qiang", "强"], ["lei", "磊"],
  ["jun", "军"], ["yang", "洋"], ["yong", "勇"], ["yan", "艳"], ["jie", "杰"], ["juan", "娟"], ["tao", "涛"],
  ["ming", "明"], ["chao", "超"], ["xia", "霞"], ["ping", "平"], ["gang", "刚"], ["hui", "辉"], ["hao", "浩"],
  ["yu", "宇"], ["xin", "欣"], ["zhi", "志"], ["jian", "建"], ["guo", "国"], ["ran", "然"], ["yi", "一"],
  ["fan", "帆"], ["si", "思"], ["yuan", "远"], ["qing", "晴"], ["zi", "子"], ["han", "涵"], ["ruo", "若"],
  ["xi", "曦"], ["zhe", "哲"], ["shuang", "爽"], ["kai", "凯"], ["wen", "文"], ["ting", "婷"], ["hong", "红"],
  ["bo", "博"], ["xuan", "轩"], ["chen", "晨"], ["lin", "琳"], ["ning", "宁"], ["feng", "锋"], ["rui", "睿"],
];

/** Hong Kong bureaux and departments: the sending departments of HK officers and the HK host units' parents. */
export const HK_DEPARTMENTS: readonly Trilingual[] = [
  ["Civil Service Bureau", "公務員事務局", "公务员事务局"],
  ["Constitutional and Mainland Affairs Bureau", "政制及內地事務局", "政制及内地事务局"],
  ["Innovation, Technology and Industry Bureau", "創新科技及工業局", "创新科技及工业局"],
  ["Development Bureau", "發展局", "发展局"],
  ["Transport and Logistics Bureau", "運輸及物流局", "运输及物流局"],
  ["Environment and Ecology Bureau", "環境及生態局", "环境及生态局"],
  ["Education Bureau", "教育局", "教育局"],
  ["Security Bureau", "保安局", "保安局"],
  ["Labour and Welfare Bureau", "勞工及福利局", "劳工及福利局"],
  ["Health Bureau", "醫務衞生局", "医务卫生局"],
  ["Home and Youth Affairs Bureau", "民政及青年事務局", "民政及青年事务局"],
  ["Housing Bureau", "房屋局", "房屋局"],
  ["Culture, Sports and Tourism Bureau", "文化體育及旅遊局", "文化体育及旅游局"],
  ["Financial Services and the Treasury Bureau", "財經事務及庫務局", "财经事务及库务局"],
  ["Commerce and Economic Development Bureau", "商務及經濟發展局", "商务及经济发展局"],
  ["Transport Department", "運輸署", "运输署"],
  ["Planning Department", "規劃署", "规划署"],
  ["Environmental Protection Department", "環境保護署", "环境保护署"],
  ["Digital Policy Office", "數字政策辦公室", "数字政策办公室"],
  ["Innovation and Technology Commission", "創新科技署", "创新科技署"],
  ["Home Affairs Department", "民政事務總署", "民政事务总署"],
  ["Highways Department", "路政署", "路政署"],
  ["Civil Engineering and Development Department", "土木工程拓展署", "土木工程拓展署"],
  ["Lands Department", "地政總署", "地政总署"],
  ["Buildings Department", "屋宇署", "屋宇署"],
  ["Water Supplies Department", "水務署", "水务署"],
  ["Drainage Services Department", "渠務署", "渠务署"],
  ["Architectural Services Department", "建築署", "建筑署"],
  ["Housing Department", "房屋署", "房屋署"],
  ["Social Welfare Department", "社會福利署", "社会福利署"],
  ["Labour Department", "勞工處", "劳工处"],
  ["Immigration Department", "入境事務處", "入境事务处"],
  ["Customs and Excise Department", "香港海關", "香港海关"],
  ["Fire Services Department", "消防處", "消防处"],
  ["Food and Environmental Hygiene Department", "食物環境衞生署", "食物环境卫生署"],
  ["Leisure and Cultural Services Department", "康樂及文化事務署", "康乐及文化事务署"],
  ["Marine Department", "海事處", "海事处"],
  ["Civil Aviation Department", "民航處", "民航处"],
  ["Electrical and Mechanical Services Department", "機電工程署", "机电工程署"],
  ["Intellectual Property Department", "知識產權署", "知识产权署"],
  ["Trade and Industry Department", "工業貿易署", "工业贸易署"],
  ["Census and Statistics Department", "政府統計處", "政府统计处"],
  ["Rating and Valuation Department", "差餉物業估價署", "差饷物业估价署"],
  ["Government Logistics Department", "政府物流服務署", "政府物流服务署"],
  ["Civil Service College", "公務員學院", "公务员学院"],
];

/** Divisions inside a Hong Kong department; a department and a division make an HK host unit. */
export const HK_DIVISIONS: readonly Trilingual[] = [
  ["Policy Division", "政策科", "政策科"],
  ["Planning Division", "規劃科", "规划科"],
  ["Technical Services Division", "技術服務科", "技术服务科"],
  ["Administration Division", "行政科", "行政科"],
  ["Strategic Studies Section", "策略研究組", "策略研究组"],
  ["Hong Kong Island Regional Office", "港島區域辦事處", "港岛区域办事处"],
  ["Kowloon Regional Office", "九龍區域辦事處", "九龙区域办事处"],
  ["New Territories East Regional Office", "新界東區域辦事處", "新界东区域办事处"],
  ["New Territories West Regional Office", "新界西區域辦事處", "新界西区域办事处"],
  ["Projects Division", "工程項目科", "工程项目科"],
  ["Digital Services Section", "數碼服務組", "数码服务组"],
  ["Greater Bay Area Cooperation Unit", "大灣區合作組", "大湾区合作组"],
  ["Community Engagement Section", "社區參與組", "社区参与组"],
  ["Research and Development Section", "研究及發展組", "研究及发展组"],
];

/** A mainland city's departments and host units are named after these functions. */
export const MAINLAND_FUNCTIONS: readonly Trilingual[] = [
  ["Development and Reform Commission", "發展和改革委員會", "发展和改革委员会"],
  ["Education Bureau", "教育局", "教育局"],
  ["Science, Technology and Innovation Bureau", "科技創新局", "科技创新局"],
  ["Industry and Information Technology Bureau", "工業和信息化局", "工业和信息化局"],
  ["Civil Affairs Bureau", "民政局", "民政局"],
  ["Justice Bureau", "司法局", "司法局"],
  ["Finance Bureau", "財政局", "财政局"],
  ["Human Resources and Social Security Bureau", "人力資源和社會保障局", "人力资源和社会保障局"],
  ["Planning and Natural Resources Bureau", "規劃和自然資源局", "规划和自然资源局"],
  ["Ecology and Environment Bureau", "生態環境局", "生态环境局"],
  ["Housing and Construction Bureau", "住房和建設局", "住房和建设局"],
  ["Transport Bureau", "交通運輸局", "交通运输局"],
  ["Water Affairs Bureau", "水務局", "水务局"],
  ["Commerce Bureau", "商務局", "商务局"],
  ["Culture, Radio, Television, Tourism and Sports Bureau", "文化廣電旅遊體育局", "文化广电旅游体育局"],
  ["Health Commission", "衞生健康委員會", "卫生健康委员会"],
  ["Emergency Management Bureau", "應急管理局", "应急管理局"],
  ["Audit Bureau", "審計局", "审计局"],
  ["Market Supervision Administration", "市場監督管理局", "市场监督管理局"],
  ["Statistics Bureau", "統計局", "统计局"],
  ["Urban Management and Law Enforcement Bureau", "城市管理和綜合執法局", "城市管理和综合执法局"],
  ["Government Services and Data Management Bureau", "政務服務和數據管理局", "政务服务和数据管理局"],
  ["Hong Kong and Macao Affairs Office", "港澳事務辦公室", "港澳事务办公室"],
  ["Local Financial Supervision Bureau", "地方金融監督管理局", "地方金融监督管理局"],
];

export interface CityVocabulary {
  code: string;
  names: Trilingual;
  /** Districts: English name, Traditional and Simplified with the 區/区 suffix (or 新區/新区). */
  districts: readonly Trilingual[];
}

/** Mainland cities of the programme (codes as in the demo data) and some of their districts. */
export const MAINLAND_CITIES: readonly CityVocabulary[] = [
  {
    code: "SZ",
    names: ["Shenzhen", "深圳市", "深圳市"],
    districts: [
      ["Futian District", "福田區", "福田区"], ["Luohu District", "羅湖區", "罗湖区"], ["Nanshan District", "南山區", "南山区"],
      ["Yantian District", "鹽田區", "盐田区"], ["Bao'an District", "寶安區", "宝安区"], ["Longgang District", "龍崗區", "龙岗区"],
      ["Longhua District", "龍華區", "龙华区"], ["Pingshan District", "坪山區", "坪山区"], ["Guangming District", "光明區", "光明区"],
      ["Dapeng New District", "大鵬新區", "大鹏新区"],
    ],
  },
  {
    code: "BJ",
    names: ["Beijing", "北京市", "北京市"],
    districts: [
      ["Dongcheng District", "東城區", "东城区"], ["Xicheng District", "西城區", "西城区"], ["Chaoyang District", "朝陽區", "朝阳区"],
      ["Haidian District", "海淀區", "海淀区"], ["Fengtai District", "豐台區", "丰台区"], ["Shijingshan District", "石景山區", "石景山区"],
      ["Tongzhou District", "通州區", "通州区"], ["Shunyi District", "順義區", "顺义区"], ["Changping District", "昌平區", "昌平区"],
      ["Daxing District", "大興區", "大兴区"],
    ],
  },
  {
    code: "SH",
    names: ["Shanghai", "上海市", "上海市"],
    districts: [
      ["Huangpu District", "黃浦區", "黄浦区"], ["Xuhui District", "徐匯區", "徐汇区"], ["Changning District", "長寧區", "长宁区"],
      ["Jing'an District", "靜安區", "静安区"], ["Putuo District", "普陀區", "普陀区"], ["Hongkou District", "虹口區", "虹口区"],
      ["Yangpu District", "楊浦區", "杨浦区"], ["Minhang District", "閔行區", "闵行区"], ["Baoshan District", "寶山區", "宝山区"],
      ["Pudong New Area", "浦東新區", "浦东新区"],
    ],
  },
  {
    code: "CQ",
    names: ["Chongqing", "重慶市", "重庆市"],
    districts: [
      ["Yuzhong District", "渝中區", "渝中区"], ["Jiangbei District", "江北區", "江北区"], ["Shapingba District", "沙坪壩區", "沙坪坝区"],
      ["Jiulongpo District", "九龍坡區", "九龙坡区"], ["Nan'an District", "南岸區", "南岸区"], ["Yubei District", "渝北區", "渝北区"],
      ["Banan District", "巴南區", "巴南区"], ["Beibei District", "北碚區", "北碚区"],
    ],
  },
  {
    code: "WH",
    names: ["Wuhan", "武漢市", "武汉市"],
    districts: [
      ["Jiang'an District", "江岸區", "江岸区"], ["Jianghan District", "江漢區", "江汉区"], ["Qiaokou District", "硚口區", "硚口区"],
      ["Hanyang District", "漢陽區", "汉阳区"], ["Wuchang District", "武昌區", "武昌区"], ["Hongshan District", "洪山區", "洪山区"],
      ["Qingshan District", "青山區", "青山区"], ["Dongxihu District", "東西湖區", "东西湖区"],
    ],
  },
  {
    code: "HZ",
    names: ["Hangzhou", "杭州市", "杭州市"],
    districts: [
      ["Shangcheng District", "上城區", "上城区"], ["Gongshu District", "拱墅區", "拱墅区"], ["Xihu District", "西湖區", "西湖区"],
      ["Binjiang District", "濱江區", "滨江区"], ["Xiaoshan District", "蕭山區", "萧山区"], ["Yuhang District", "餘杭區", "余杭区"],
      ["Linping District", "臨平區", "临平区"], ["Qiantang District", "錢塘區", "钱塘区"],
    ],
  },
];

export const HONG_KONG: { code: string; names: Trilingual } = { code: "HK", names: ["Hong Kong SAR", "香港特別行政區", "香港特别行政区"] };

export type FieldCode = "DISTRICT_GOVERNANCE" | "TECHNOLOGY" | "URBAN_PLANNING" | "TRANSPORT" | "ENVIRONMENT";

export const FIELDS: readonly { code: FieldCode; names: Trilingual }[] = [
  { code: "DISTRICT_GOVERNANCE", names: ["District governance", "地區治理", "地区治理"] },
  { code: "TECHNOLOGY", names: ["Technology development", "科技發展", "科技发展"] },
  { code: "URBAN_PLANNING", names: ["Urban planning", "城市規劃", "城市规划"] },
  { code: "TRANSPORT", names: ["Transport", "交通運輸", "交通运输"] },
  { code: "ENVIRONMENT", names: ["Environmental protection", "環境保護", "环境保护"] },
];

/** Posts held at a host, per field: English for Hong Kong hosts, Simplified Chinese for mainland hosts. */
export const POSTS: Record<FieldCode, { hongKong: readonly string[]; mainland: readonly string[] }> = {
  DISTRICT_GOVERNANCE: {
    hongKong: ["Attachment Officer, District Administration", "Attachment Officer, Community Engagement"],
    mainland: ["副区长特别助理", "Special Assistant to Deputy District Head", "街道办事处主任助理"],
  },
  TECHNOLOGY: {
    hongKong: ["Attachment Officer, Smart Government Division", "Attachment Officer, Innovation Policy"],
    mainland: ["Special Assistant (Innovation Cooperation)", "科技创新处处长助理", "数据管理科项目主任"],
  },
  URBAN_PLANNING: {
    hongKong: ["Attachment Officer, Territorial Studies Section", "Attachment Officer, District Planning"],
    mainland: ["Planning Officer, Planning Management Division", "规划管理处处长助理", "城市更新项目主任"],
  },
  TRANSPORT: {
    hongKong: ["Attachment Officer, Strategic Studies Division", "Attachment Officer, Traffic Engineering"],
    mainland: ["Assistant to the Director (Road Traffic Management)", "交通规划处处长助理", "综合交通项目主任"],
  },
  ENVIRONMENT: {
    hongKong: ["Attachment Officer, Air Policy Group", "Attachment Officer, Environment Branch"],
    mainland: ["Assistant to the Division Chief (Water Environment)", "大气环境处处长助理", "生态保护项目主任"],
  },
};

/** Rank ladders when a jurisdiction has none yet (the demo seed brings its own for Hong Kong and Shenzhen). */
export const HK_RANK_LADDER: readonly { grade: string; level: number; code: string; names: Trilingual; directorate?: boolean }[] = [
  { grade: "AO", level: 1, code: "AO", names: ["Administrative Officer", "政務主任", "政务主任"] },
  { grade: "AO", level: 2, code: "SAO", names: ["Senior Administrative Officer", "高級政務主任", "高级政务主任"] },
  { grade: "EO", level: 1, code: "EOII", names: ["Executive Officer II", "二級行政主任", "二级行政主任"] },
  { grade: "EO", level: 2, code: "EOI", names: ["Executive Officer I", "一級行政主任", "一级行政主任"] },
  { grade: "EO", level: 3, code: "SEO", names: ["Senior Executive Officer", "高級行政主任", "高级行政主任"] },
  { grade: "ENG", level: 2, code: "SE", names: ["Senior Engineer", "高級工程師", "高级工程师"] },
  { grade: "TP", level: 2, code: "STP", names: ["Senior Town Planner", "高級城市規劃師", "高级城市规划师"] },
];

export const MAINLAND_RANK_LADDER: readonly { grade: string; level: number; code: string; names: Trilingual }[] = [
  { grade: "DIV", level: 1, code: "DDC", names: ["Deputy Division Chief", "副處長", "副处长"] },
  { grade: "DIV", level: 2, code: "DC", names: ["Division Chief", "處長", "处长"] },
];
