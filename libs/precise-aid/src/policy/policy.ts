import type { AidItem, Policy } from './policy-shape.js';

export type { AidItem, EntitledGroup, Policy, RevealGrant } from './policy-shape.js';

/** Payments of a term are due by the end of the calendar half it starts in (for example 12-31 for autumn, 06-30 for spring). */
const TERM_DEADLINE = { autumn: '12-31', spring: '06-30' };
/** The 六盘山区 counties of southern Ningxia (原州, 西吉, 隆德, 泾源, 彭阳, 海原, 同心): the review asks to verify the list. */
const LIUPANSHAN_COUNTIES = ['640402', '640422', '640423', '640424', '640425', '640522', '640324'];
/** 原建档立卡 / 脱贫 as the monitoring types name them. */
const POVERTY_ALLEVIATED = ['monitored:poverty-alleviated', 'monitored:unstable-alleviated'];

/**
 * The student-aid items of 2026 by stage (sources: ../../../shared/policy-review.md §1.1 table 2):
 * 义务教育 生活补助 for boarders in every counted group and for non-boarders in four groups only
 * (脱贫, 家庭经济困难残疾学生, 农村低保, 农村特困); 普高 国家助学金 need-tested and 免学杂费 a closed list
 * of the same four; 中职 免学费 near-universal and 国家助学金 need-tested plus every 农村 student in
 * the 六盘山区; 学前一年 free for everyone from autumn 2025 (国办发〔2025〕27号); 营养膳食补助 for all
 * pupils in programme areas.
 */
const AID_ITEMS_2026: AidItem[] = [
  // For children in kindergartens the education authority approved (公办, 普惠性民办).
  {
    item: 'preschool-subsidy',
    name: '学前教育资助',
    stage: 'preschool',
    paidBy: ['preschool-subsidy'],
    entitlement: 'need-tested',
    groups: [{ bases: 'counted', kindergartens: ['public', 'inclusive-private'] }],
    deadline: TERM_DEADLINE,
  },
  { item: 'preschool-final-year-free', name: '学前一年免保教费', stage: 'preschool', paidBy: ['preschool-final-year-free'], entitlement: 'universal', groups: [], deadline: null },
  {
    item: 'compulsory-living-subsidy',
    name: '义务教育家庭经济困难学生生活补助',
    stage: 'compulsory',
    paidBy: ['compulsory-living-subsidy'],
    entitlement: 'need-tested',
    groups: [
      { bases: 'counted', boarding: true },
      { bases: [...POVERTY_ALLEVIATED, 'disability'], boarding: false },
      { bases: ['dibao', 'extreme-poverty'], boarding: false, rural: true },
    ],
    deadline: TERM_DEADLINE,
  },
  { item: 'compulsory-nutrition', name: '营养膳食补助', stage: 'compulsory', paidBy: ['compulsory-nutrition'], entitlement: 'universal', groups: [], deadline: null },
  { item: 'senior-high-grant', name: '普通高中国家助学金', stage: 'senior-high', paidBy: ['senior-high-grant'], entitlement: 'need-tested', groups: [{ bases: 'counted' }], deadline: TERM_DEADLINE },
  {
    item: 'senior-high-fee-waiver',
    name: '普通高中免学杂费',
    stage: 'senior-high',
    paidBy: ['senior-high-fee-waiver', 'tuition-waiver'],
    entitlement: 'closed-list',
    groups: [{ bases: [...POVERTY_ALLEVIATED, 'disability'] }, { bases: ['dibao', 'extreme-poverty'], rural: true }],
    deadline: TERM_DEADLINE,
  },
  {
    item: 'vocational-tuition-waiver',
    name: '中职免学费',
    stage: 'secondary-vocational',
    paidBy: ['vocational-tuition-waiver', 'tuition-waiver'],
    entitlement: 'universal',
    groups: [],
    deadline: null,
  },
  {
    item: 'vocational-grant',
    name: '中职国家助学金',
    stage: 'secondary-vocational',
    paidBy: ['vocational-grant'],
    entitlement: 'need-tested',
    groups: [{ bases: 'counted' }, { bases: 'anyone', rural: true, counties: LIUPANSHAN_COUNTIES }],
    deadline: TERM_DEADLINE,
  },
];

/**
 * The policy the hub enforces from 2026-12 (version 1.4.0; sources in `../../../shared/policy-review.md`
 * §1.3 and §1.4, and below). Versions before it are kept for replay (`KNOWN_POLICIES`).
 */
export const POLICY_2026: Policy = {
  version: '1.4.0',
  // The hub went live with 2026: the departments published their statuses as they stood, and the
  // payments and enrolments of 2026 on.
  judgedFrom: '2026-01-01',
  terms: { autumn: { start: '09-01', end: '01-31' }, spring: { start: '02-15', end: '07-15' } },
  studentAid: {
    // 低保边缘 are among the 13 categories the national 资助 system compares (全国学生资助管理中心) and the
    // 低收入人口 tiers education assistance extends to (国办 2023 意见 on 低收入人口动态监测).
    // 刚性支出困难家庭 too (household contract version 2), one of the 低收入 tiers and of the 13 categories.
    categories: ['dibao', 'extreme-poverty', 'marginal-low-income', 'rigid-expenditure', 'orphan', 'de-facto-unsupported-child'],
    // 脱贫户 stay a group in 2026 (the 资助 system listed them in 2024): a switch of this versioned list.
    monitoringTypes: ['poverty-alleviated', 'unstable-alleviated', 'marginal-vulnerable', 'sudden-hardship'],
    disabilityOfStudent: true,
    disabilityOfParent: true,
    // 教财〔2018〕16号: 家庭经济困难残疾人子女, not the child of any certificate holder.
    parentCertificates: 'severe',
    stages: ['preschool', 'compulsory', 'senior-high', 'secondary-vocational'],
    items: AID_ITEMS_2026,
    minDaysInTerm: 30,
  },
  insurance: {
    // 医疗救助 一类 (特困, 孤儿, 事实无人抚养), 二类 (低保), 三类 (低保边缘) under 国办发〔2021〕42号.
    categories: ['dibao', 'extreme-poverty', 'marginal-low-income', 'orphan', 'de-facto-unsupported-child'],
    // 脱贫人口 are in the ≥ 99 % 参保率 target of 国家医保局's notice on 防范化解因病返贫致贫, beside the monitored.
    monitoringTypes: ['poverty-alleviated', 'unstable-alleviated', 'marginal-vulnerable', 'sudden-hardship'],
    insuranceType: 'basic-medical',
    // 全额资助 for 特困 (and 孤儿, 事实无人抚养 where the province adds them); 定额资助 for 低保, 低保边缘 and the monitored.
    premiumSubsidy: {
      full: ['extreme-poverty', 'orphan', 'de-facto-unsupported-child'],
      fixed: ['dibao', 'marginal-low-income', 'monitored:unstable-alleviated', 'monitored:marginal-vulnerable', 'monitored:sudden-hardship'],
    },
  },
  disabilitySubsidy: {
    // 宁夏 护理补贴 from 2016: 一、二级 of every category, 智力 and 精神 of every grade (宁夏日报 2016-03-28);
    // 特困人员供养 excluded, as is the 生活补贴 (their support covers basic living).
    careGrades: [1, 2],
    careCategoriesOfEveryGrade: ['intellectual', 'mental'],
    livingCategories: ['dibao'],
    excludedCategories: ['extreme-poverty'],
    graceMonths: 2,
    notDue: true,
  },
  // 教育部办公厅 2024 控辍保学 常态化机制 (四查三比对: 户籍 vs 学籍, 学籍 vs 在校, 辍学 vs 脱贫户): 孤儿,
  // 事实无人抚养, 残疾, 留守 and 困境 children, and those of 脱贫 and 低收入 households, are the focus
  // groups; 义务教育 is nine grades (义务教育法).
  schooling: {
    categories: ['dibao', 'extreme-poverty', 'marginal-low-income', 'rigid-expenditure', 'orphan', 'de-facto-unsupported-child'],
    monitoringTypes: ['poverty-alleviated', 'unstable-alleviated', 'marginal-vulnerable', 'sudden-hardship'],
    certificateHolders: true,
    lastGrades: { compulsory: 9 },
    graceDays: 30,
    // 义务教育法 第十一条: 凡年满六周岁的儿童，其父母或者其他法定监护人应当送其入学接受并完成义务教育;
    // 国办发〔2017〕72号 asks for 适龄儿童少年 who never enrolled to be found too, not only those who left (1.4.0).
    schoolAgeStage: 'compulsory',
  },
  // 2023 意见 on 低收入人口动态监测: 低保边缘家庭中的重病、重度残疾人 may be taken into 低保 on their own
  // (单人保); 重度 as the care subsidy's scope says.
  soleDibao: { householdCategories: ['marginal-low-income', 'rigid-expenditure'] },
  // 国家医保局 notice on 防范化解因病返贫致贫: 医保 finds and pushes persons whose self-paid costs are high; the
  // threshold many provinces use is half the previous year's 农村居民人均可支配收入. Ningxia's figures
  // below are illustrative, to be confirmed against 宁夏统计局's bulletins before production use.
  medicalCost: {
    windowDays: 365,
    share: 0.5,
    incomeFenByYear: { '2024': 1_700_000, '2025': 1_780_000, '2026': 1_860_000 },
    categories: ['dibao', 'extreme-poverty', 'marginal-low-income', 'rigid-expenditure'],
    monitoringTypes: ['unstable-alleviated', 'marginal-vulnerable', 'sudden-hardship'],
  },
  // 国办发〔2021〕42号: 医疗救助 for 一类 (特困, 孤儿, 事实无人抚养), 二类 (低保) and 三类 (低保边缘, the
  // monitored at risk), on 政策范围内 self-pay after basic insurance and 大病保险, for 住院 and 门诊慢特病;
  // the 起付标准 of the lower tiers is a few hundred 元, so less than 1,000 元 self-paid is not checked.
  medicalAssistance: {
    categories: ['extreme-poverty', 'orphan', 'de-facto-unsupported-child', 'dibao', 'marginal-low-income'],
    monitoringTypes: ['unstable-alleviated', 'marginal-vulnerable', 'sudden-hardship'],
    admissions: ['inpatient', 'chronic-outpatient'],
    minSelfPaidInScopeFen: 100_000,
  },
  dataQuality: {
    // 特困 and 低保 are exclusive for a person (社会救助暂行办法: 特困 for those with no income, no
    // working capacity and no supporter; 低保 for the rest).
    exclusiveCategories: [['dibao', 'extreme-poverty']],
    // 学校标识码: 11 幼儿园; 21 小学, 31 初中 (also 32 九年一贯制, 33 十二年一贯制, 51 特殊教育) for 义务教育; 34
    // 普通高中 (33, 35 完全中学); 36 中职 (37 技工).
    schoolTypes: { preschool: ['11'], compulsory: ['21', '22', '31', '32', '33', '51'], 'senior-high': ['33', '34', '35'], 'secondary-vocational': ['36', '37'] },
    // 1.4.0: a grade a year ahead of the entry year's is allowed (some counties admit children who are six
    // by the end of the year); up to three years behind is ordinary (late entry, repeated years, 残疾儿童
    // who enter late: 第二期特殊教育提升计划 allows it); anything further is a 学籍 error or a pupil to look at.
    gradeForAge: { firstGrade: { preschool: -2, compulsory: 1, 'senior-high': 10, 'secondary-vocational': 10 }, ahead: 1, behind: 3 },
  },
  reveal: {
    'insurance-gap': { purpose: '资助参保: enrol the uninsured assisted person with a premium subsidy (医疗保障 参保资助)' },
  },
};
