/* Generated from contracts/ by `npm run generate`; do not edit. tests/contracts/contract-catalogue.spec.ts fails when it is stale. */

/** Every standard event type (its topic: `<type>.v<version>`), with the binding its contract declares. */
export const EVENT_TYPES = {
  'civil-affairs.household-status.changed.v1': { owner: 'civil-affairs', type: 'civil-affairs.household-status.changed', version: 1, topic: 'civil-affairs.household-status.changed.v1', partitionKey: 'householdNumber' },
  'civil-affairs.household-status.changed.v2': { owner: 'civil-affairs', type: 'civil-affairs.household-status.changed', version: 2, topic: 'civil-affairs.household-status.changed.v2', partitionKey: 'householdNumber' },
  'disability.certificate.changed.v1': { owner: 'disability', type: 'disability.certificate.changed', version: 1, topic: 'disability.certificate.changed.v1', partitionKey: 'idNumber' },
  'disability.subsidy.granted.v1': { owner: 'disability', type: 'disability.subsidy.granted', version: 1, topic: 'disability.subsidy.granted.v1', partitionKey: 'idNumber' },
  'education.student-aid.granted.v1': { owner: 'education', type: 'education.student-aid.granted', version: 1, topic: 'education.student-aid.granted.v1', partitionKey: 'idNumber' },
  'education.student-aid.granted.v2': { owner: 'education', type: 'education.student-aid.granted', version: 2, topic: 'education.student-aid.granted.v2', partitionKey: 'idNumber' },
  'education.student-enrolment.changed.v1': { owner: 'education', type: 'education.student-enrolment.changed', version: 1, topic: 'education.student-enrolment.changed.v1', partitionKey: 'idNumber' },
  'education.student-enrolment.changed.v2': { owner: 'education', type: 'education.student-enrolment.changed', version: 2, topic: 'education.student-enrolment.changed.v2', partitionKey: 'idNumber' },
  'healthcare-security.insurance-enrolment.recorded.v1': { owner: 'healthcare-security', type: 'healthcare-security.insurance-enrolment.recorded', version: 1, topic: 'healthcare-security.insurance-enrolment.recorded.v1', partitionKey: 'idNumber' },
  'healthcare-security.settlement.recorded.v1': { owner: 'healthcare-security', type: 'healthcare-security.settlement.recorded', version: 1, topic: 'healthcare-security.settlement.recorded.v1', partitionKey: 'idNumber' },
  'hub.bulk-load.changed.v1': { owner: 'hub', type: 'hub.bulk-load.changed', version: 1, topic: 'hub.bulk-load.changed.v1', partitionKey: 'loadId' },
  'hub.finding-response.recorded.v1': { owner: 'hub', type: 'hub.finding-response.recorded', version: 1, topic: 'hub.finding-response.recorded.v1', partitionKey: 'findingId' },
  'hub.finding.changed.v1': { owner: 'hub', type: 'hub.finding.changed', version: 1, topic: 'hub.finding.changed.v1', partitionKey: 'subject' },
  'rural-revitalisation.monitoring-status.changed.v1': { owner: 'rural-revitalisation', type: 'rural-revitalisation.monitoring-status.changed', version: 1, topic: 'rural-revitalisation.monitoring-status.changed.v1', partitionKey: 'householdNumber' },
} as const;

/** A standard event type, e.g. `education.student-aid.granted.v2`. */
export type EventType = keyof typeof EVENT_TYPES;

/** A department's record of each event type, as its contract says (identifiers in the clear: before the gateway). */
export interface DepartmentRecords {
  'civil-affairs.household-status.changed.v1': CivilAffairsHouseholdStatusChangedV1;
  'civil-affairs.household-status.changed.v2': CivilAffairsHouseholdStatusChangedV2;
  'disability.certificate.changed.v1': DisabilityCertificateChangedV1;
  'disability.subsidy.granted.v1': DisabilitySubsidyGrantedV1;
  'education.student-aid.granted.v1': EducationStudentAidGrantedV1;
  'education.student-aid.granted.v2': EducationStudentAidGrantedV2;
  'education.student-enrolment.changed.v1': EducationStudentEnrolmentChangedV1;
  'education.student-enrolment.changed.v2': EducationStudentEnrolmentChangedV2;
  'healthcare-security.insurance-enrolment.recorded.v1': HealthcareSecurityInsuranceEnrolmentRecordedV1;
  'healthcare-security.settlement.recorded.v1': HealthcareSecuritySettlementRecordedV1;
  'hub.bulk-load.changed.v1': HubBulkLoadChangedV1;
  'hub.finding-response.recorded.v1': HubFindingResponseRecordedV1;
  'hub.finding.changed.v1': HubFindingChangedV1;
  'rural-revitalisation.monitoring-status.changed.v1': RuralRevitalisationMonitoringStatusChangedV1;
}

/**
 * Household assistance status changed (困难家庭救助状态变更). Civil Affairs grants, renews or revokes an assistance status of a household: 最低生活保障 (dibao), 特困人员 (extreme-poverty support), 低保边缘/低收入 (marginal low-income), 孤儿 / 事实无人抚养儿童 (orphan, de-facto unsupported child).
 */
export interface CivilAffairsHouseholdStatusChangedV1 {
  /**
   * The department's household number (户号).
   */
  householdNumber: string;
  /**
   * GB/T 2260 administrative division code of the county-level division.
   */
  regionCode: string;
  /**
   * dibao 低保; extreme-poverty 特困; marginal-low-income 低保边缘/低收入; orphan 孤儿; de-facto-unsupported-child 事实无人抚养儿童.
   */
  category: "dibao" | "extreme-poverty" | "marginal-low-income" | "orphan" | "de-facto-unsupported-child";
  /**
   * What happened to the status.
   */
  change: "granted" | "renewed" | "revoked";
  /**
   * First day the status holds (inclusive).
   */
  effectiveFrom: string;
  /**
   * Last day the status holds (inclusive); null while open-ended.
   */
  effectiveTo: string | null;
  /**
   * Number of the approval or revocation decision (审批文号).
   */
  decisionNumber: string;
  /**
   * The members the status covers.
   *
   * @minItems 1
   * @maxItems 30
   *
   * Items: A member of the household.
   */
  members: {
    /**
     * Resident identity number (公民身份号码, GB 11643-1999).
     */
    idNumber: string;
    /**
     * Name as registered (姓名).
     */
    name: string;
    /**
     * Relation to the head of household (与户主关系): a code, identifying nobody on its own; public so that the rules can find a child's parents (家庭经济困难残疾人子女).
     */
    relationToHead: "head" | "spouse" | "child" | "parent" | "grandchild" | "grandparent" | "sibling" | "other";
  }[];
}

/**
 * Household assistance status changed (困难家庭救助状态变更), with each member's own status. Civil Affairs records a household's assistance status (低保, 特困, 低保边缘, 刚性支出困难) granted, renewed, suspended, resumed or revoked, with its members: whether each is covered (保障对象 or 共同生活成员) and a child's own status (孤儿, 事实无人抚养儿童), which is the child's, not the household's. Version 2 beside version 1: 城乡 of the 低保, and the 特困 供养方式.
 */
export interface CivilAffairsHouseholdStatusChangedV2 {
  /**
   * The department's household number (户号).
   */
  householdNumber: string;
  /**
   * GB/T 2260 administrative division code of the county-level division.
   */
  regionCode: string;
  /**
   * dibao 低保; extreme-poverty 特困; marginal-low-income 低保边缘; rigid-expenditure 刚性支出困难家庭. 孤儿 and 事实无人抚养 are a member's own status (members[].personalStatus).
   */
  category: "dibao" | "extreme-poverty" | "marginal-low-income" | "rigid-expenditure";
  /**
   * What happened to the status: granted, renewed, suspended (暂停), resumed (恢复), revoked (停保/终止).
   */
  change: "granted" | "renewed" | "suspended" | "resumed" | "revoked";
  /**
   * First day the status holds (inclusive).
   */
  effectiveFrom: string;
  /**
   * Last day the status holds (inclusive); null while open-ended.
   */
  effectiveTo: string | null;
  /**
   * Number of the approval or revocation decision (审批文号).
   */
  decisionNumber: string;
  /**
   * The members the status covers.
   *
   * @minItems 1
   * @maxItems 30
   *
   * Items: A member of the household.
   */
  members: {
    /**
     * Resident identity number (公民身份号码, GB 11643-1999).
     */
    idNumber: string;
    /**
     * Name as registered (姓名).
     */
    name: string;
    /**
     * Relation to the head of household (与户主关系): a code, identifying nobody on its own; public so that the rules can find a child's parents (家庭经济困难残疾人子女).
     */
    relationToHead: "head" | "spouse" | "child" | "parent" | "grandchild" | "grandparent" | "sibling" | "other";
    /**
     * Whether the member is covered by the status (保障对象), or lives in the household without it (共同生活成员; e.g. 单人保).
     */
    covered: boolean;
    /**
     * The member's own status: orphan 孤儿, de-facto-unsupported-child 事实无人抚养儿童; null for none.
     */
    personalStatus?: "orphan" | "de-facto-unsupported-child" | null;
  }[];
  /**
   * 城乡: a 农村 or 城市 status (农村低保, 城市特困 ...).
   */
  area: "rural" | "urban";
  /**
   * 特困 供养方式: centralised 集中供养, dispersed 分散供养; null for the other categories.
   */
  supportMode?: "centralised" | "dispersed" | null;
}

/**
 * Disability certificate issued, changed or revoked (残疾人证). The Disabled Persons' Federation issues, changes or revokes a disability certificate (category and grade 1-4; grade 1 is the most severe).
 */
export interface DisabilityCertificateChangedV1 {
  /**
   * Certificate number (残疾人证号): the identity number, the category digit and the grade digit.
   */
  certificateNumber: string;
  /**
   * Resident identity number (公民身份号码, GB 11643-1999).
   */
  idNumber: string;
  /**
   * Name as registered (姓名).
   */
  name: string;
  /**
   * GB/T 2260 administrative division code of the county-level division.
   */
  regionCode: string;
  /**
   * 视力, 听力, 言语, 肢体, 智力, 精神, 多重.
   */
  category: "visual" | "hearing" | "speech" | "physical" | "intellectual" | "mental" | "multiple";
  /**
   * Grade 1 (一级, most severe) to 4.
   */
  grade: number;
  /**
   * What happened to the certificate.
   */
  change: "issued" | "changed" | "revoked";
  /**
   * Day the change took effect.
   */
  effectiveDate: string;
}

/**
 * Disability subsidy granted (残疾人两项补贴发放). The Disabled Persons' Federation pays a living subsidy for disabled persons in difficulty (困难残疾人生活补贴) or a care subsidy for the severely disabled (重度残疾人护理补贴) for a month.
 */
export interface DisabilitySubsidyGrantedV1 {
  /**
   * The federation's number of this payment.
   */
  grantNumber: string;
  /**
   * Certificate number (残疾人证号).
   */
  certificateNumber: string;
  /**
   * Resident identity number (公民身份号码, GB 11643-1999).
   */
  idNumber: string;
  /**
   * living 困难残疾人生活补贴; care 重度残疾人护理补贴.
   */
  subsidyType: "living" | "care";
  /**
   * The month the payment is for (YYYY-MM).
   */
  month: string;
  /**
   * Amount paid, in fen.
   */
  amountFen: number;
  /**
   * Day of payment.
   */
  grantedOn: string;
}

/**
 * Student aid granted (学生资助发放). Education pays aid to a student for a term. Amounts are in fen (分), as integers.
 */
export interface EducationStudentAidGrantedV1 {
  /**
   * The department's number of this payment.
   */
  grantNumber: string;
  /**
   * Student registration number (学籍号).
   */
  studentNumber: string;
  /**
   * Resident identity number (公民身份号码, GB 11643-1999).
   */
  idNumber: string;
  /**
   * National school identification code (学校标识码).
   */
  schoolCode: string;
  /**
   * School term: the year it starts in and spring (春季学期) or autumn (秋季学期), e.g. 2026-autumn.
   */
  term: string;
  /**
   * preschool-subsidy 学前教育资助; compulsory-living-subsidy 义务教育家庭经济困难学生生活补助; senior-high-grant 普通高中国家助学金; vocational-grant 中职国家助学金; tuition-waiver 免学费.
   */
  aidType:
    "preschool-subsidy" | "compulsory-living-subsidy" | "senior-high-grant" | "vocational-grant" | "tuition-waiver";
  /**
   * Amount paid, in fen (1 yuan = 100 fen).
   */
  amountFen: number;
  /**
   * Day of payment.
   */
  grantedOn: string;
}

/**
 * Student aid granted (学生资助发放), per aid item. Education records one payment of one student-aid item for a term, with the 认定 behind it. Version 2 beside version 1: the aid items as the policy lists them (普高 国家助学金 and 免学杂费 apart, 中职 免学费 apart from 普高's, the universal items), and the 认定 level and basis.
 */
export interface EducationStudentAidGrantedV2 {
  /**
   * The department's number of this payment.
   */
  grantNumber: string;
  /**
   * Student registration number (全国中小学生学籍号, 19 characters).
   */
  studentNumber: string;
  /**
   * Resident identity number (公民身份号码, GB 11643-1999).
   */
  idNumber: string;
  /**
   * National school identification code (学校标识码).
   */
  schoolCode: string;
  /**
   * School term: the year it starts in and spring (春季学期) or autumn (秋季学期), e.g. 2026-autumn.
   */
  term: string;
  /**
   * The aid item: preschool-subsidy 学前教育资助; preschool-final-year-free 学前一年免保教费; compulsory-living-subsidy 义务教育家庭经济困难学生生活补助; compulsory-nutrition 营养膳食补助; senior-high-grant 普通高中国家助学金; senior-high-fee-waiver 普通高中免学杂费; vocational-tuition-waiver 中职免学费; vocational-grant 中职国家助学金.
   */
  aidType:
    | "preschool-subsidy"
    | "preschool-final-year-free"
    | "compulsory-living-subsidy"
    | "compulsory-nutrition"
    | "senior-high-grant"
    | "senior-high-fee-waiver"
    | "vocational-tuition-waiver"
    | "vocational-grant";
  /**
   * Amount paid, in fen (1 yuan = 100 fen).
   */
  amountFen: number;
  /**
   * Day of payment.
   */
  grantedOn: string;
  /**
   * 家庭经济困难认定等级: 特别困难, 困难, 一般困难; null for items not need-tested.
   */
  recognitionLevel?: "especially-difficult" | "difficult" | "generally-difficult" | null;
  /**
   * The 认定 basis (特殊群体类别) the school recorded; other for a need the hub cannot see (income, 突发状况, family burden); null when not recorded.
   */
  recognitionBasis?:
    | "dibao"
    | "extreme-poverty"
    | "marginal-low-income"
    | "orphan"
    | "de-facto-unsupported-child"
    | "poverty-alleviated"
    | "monitored"
    | "disability"
    | "parent-disability"
    | "other"
    | null;
}

/**
 * Student enrolment status changed (学籍变动). Education records a student enrolled, transferred, graduated or left, for one term.
 */
export interface EducationStudentEnrolmentChangedV1 {
  /**
   * Student registration number (学籍号).
   */
  studentNumber: string;
  /**
   * Resident identity number (公民身份号码, GB 11643-1999).
   */
  idNumber: string;
  /**
   * Name as registered (姓名).
   */
  name: string;
  /**
   * National school identification code (学校标识码).
   */
  schoolCode: string;
  /**
   * GB/T 2260 administrative division code of the county-level division.
   */
  regionCode: string;
  /**
   * preschool 学前; compulsory 义务教育; senior-high 普通高中; secondary-vocational 中等职业教育.
   */
  stage: "preschool" | "compulsory" | "senior-high" | "secondary-vocational";
  /**
   * Year within the stage (1-9 in compulsory education).
   */
  grade: number;
  /**
   * School term: the year it starts in and spring (春季学期) or autumn (秋季学期), e.g. 2026-autumn.
   */
  term: string;
  /**
   * What happened.
   */
  change: "enrolled" | "transferred" | "graduated" | "left";
  /**
   * Day the change took effect.
   */
  effectiveDate: string;
}

/**
 * Student enrolment status changed (学籍变动), with what aid entitlement turns on. Education records a student's 学籍异动 for one term, with what the student-aid items turn on: boarding (寄宿), 户口性质 (农村/城镇), the kindergarten's type, a 涉农 major, and the guardian. Version 2 beside version 1: no name (the rules do not need it), the 学籍号 and 学校标识码 as their national formats, and the 学籍异动 reasons 控辍保学 needs.
 */
export interface EducationStudentEnrolmentChangedV2 {
  /**
   * Student registration number (全国中小学生学籍号, 19 characters): G or J and 18 characters, or L and 18 digits (temporary).
   */
  studentNumber: string;
  /**
   * Resident identity number (公民身份号码, GB 11643-1999).
   */
  idNumber: string;
  /**
   * National school identification code (学校标识码): the school type (11 幼儿园, 21 小学, 31 初中, 34 普通高中, 36 中职, 51 特殊教育, ...), then the province and a sequence.
   */
  schoolCode: string;
  /**
   * GB/T 2260 administrative division code of the county-level division.
   */
  regionCode: string;
  /**
   * preschool 学前; compulsory 义务教育; senior-high 普通高中; secondary-vocational 中等职业教育; special-education 特殊教育.
   */
  stage: "preschool" | "compulsory" | "senior-high" | "secondary-vocational" | "special-education";
  /**
   * Year within the stage (1-9 in compulsory education).
   */
  grade: number;
  /**
   * School term: the year it starts in and spring (春季学期) or autumn (秋季学期), e.g. 2026-autumn.
   */
  term: string;
  /**
   * The 学籍异动: enrolled 入学/注册; transferred-in 转入; transferred-out 转出; suspended 休学; resumed 复学; dropped-out 退学/辍学; deceased 死亡; graduated 毕业/结业.
   */
  change:
    | "enrolled"
    | "transferred-in"
    | "transferred-out"
    | "suspended"
    | "resumed"
    | "dropped-out"
    | "deceased"
    | "graduated";
  /**
   * Day the change took effect.
   */
  effectiveDate: string;
  /**
   * Whether the student boards at school (寄宿生): the 义务教育 生活补助 goes to boarders, and to non-boarders only in four groups.
   */
  boarding: boolean;
  /**
   * 户口性质: rural 农村, urban 城镇. Several aid items name 农村 低保 and 农村 特困.
   */
  residence: "rural" | "urban";
  /**
   * 幼儿园办别 for preschool (public 公办, inclusive-private 普惠性民办, private 其他民办); null in the other stages.
   */
  kindergartenType?: "public" | "inclusive-private" | "private" | null;
  /**
   * Whether a 中职 student studies a 涉农专业; null in the other stages.
   */
  agricultureMajor?: boolean | null;
  /**
   * The guardian (监护人), as the national 资助 system compares them; null when not recorded.
   */
  guardian?: {
    /**
     * The guardian's resident identity number (监护人公民身份号码).
     */
    idNumber: string;
    /**
     * The guardian's relation to the student.
     */
    relation: "father" | "mother" | "grandparent" | "other-relative" | "institution";
  } | null;
}

/**
 * Insurance enrolment recorded (参保登记). Healthcare Security (basic medical insurance) or HR and Social Security (basic pension) records a person enrolled or terminated for a year, with any premium subsidy (资助参保).
 */
export interface HealthcareSecurityInsuranceEnrolmentRecordedV1 {
  /**
   * Resident identity number (公民身份号码, GB 11643-1999).
   */
  idNumber: string;
  /**
   * GB/T 2260 administrative division code of the county-level division.
   */
  regionCode: string;
  /**
   * basic-medical 基本医疗保险; basic-pension 基本养老保险.
   */
  insuranceType: "basic-medical" | "basic-pension";
  /**
   * The insurance year.
   */
  year: number;
  /**
   * Enrolment status for the year.
   */
  status: "enrolled" | "terminated";
  /**
   * The premium subsidy, or null when there is none.
   */
  premiumSubsidy: {
    /**
     * Why the premium is subsidised.
     */
    basis:
      "dibao" | "extreme-poverty" | "marginal-low-income" | "poverty-alleviated" | "monitored" | "disability" | "other";
    /**
     * Subsidised part of the premium, in fen.
     */
    amountFen: number;
  } | null;
  /**
   * Day the enrolment was recorded.
   */
  recordedOn: string;
}

/**
 * Medical cost settlement recorded (医疗费用结算). Healthcare Security records one settlement of a person's medical costs (门诊, 住院, 门诊慢特病): the total, what the pooled fund (统筹基金), critical-illness insurance (大病保险) and medical assistance (医疗救助) paid, and what the person paid themselves within the policy's scope and outside it (个人自付). The hub sums the self-paid costs over twelve months to warn of 因病返贫致贫.
 */
export interface HealthcareSecuritySettlementRecordedV1 {
  /**
   * The settlement's number in the healthcare security system (结算流水号).
   */
  settlementNumber: string;
  /**
   * Resident identity number (公民身份号码, GB 11643-1999).
   */
  idNumber: string;
  /**
   * GB/T 2260 code of the county where the person is insured (参保地).
   */
  regionCode: string;
  /**
   * The day of the settlement (结算日期).
   */
  settledOn: string;
  /**
   * outpatient 普通门诊; inpatient 住院; chronic-outpatient 门诊慢特病.
   */
  admission: "outpatient" | "inpatient" | "chronic-outpatient";
  /**
   * The level of the medical institution (一级, 二级, 三级), or 异地就医 out of the province.
   */
  institutionLevel: "primary" | "secondary" | "tertiary" | "out-of-province";
  /**
   * The total cost settled (医疗费用总额), in fen.
   */
  totalFen: number;
  /**
   * What the pooled fund of basic medical insurance paid (统筹基金支付), in fen.
   */
  fundPaidFen: number;
  /**
   * What critical-illness insurance paid (大病保险支付), in fen.
   */
  criticalIllnessFen: number;
  /**
   * What medical assistance paid (医疗救助支付), in fen.
   */
  medicalAssistanceFen: number;
  /**
   * What the person paid themselves within the policy's scope (政策范围内个人自付), in fen.
   */
  selfPaidInScopeFen: number;
  /**
   * What the person paid themselves outside the policy's scope (政策范围外个人自费), in fen.
   */
  selfPaidOutOfScopeFen: number;
}

/**
 * A department's bulk load opened or closed (批量装载). A department announces a bulk load of its records before it sends them and closes it once all are accepted. While any load is open, or closed and not yet judged, the crosscheck holds back the findings it raises, so departments are told what holds once the load is complete, not what the first half of it said. A closed load names the end of each of the department's canonical topic partitions at the close: it is judged once the crosscheck has judged every record before those offsets, and the crosscheck announces that (judged), or that it gave up holding for the load after the longest hold it allows (given-up).
 */
export type HubBulkLoadChangedV1 = {
  /**
   * The load, as the gateway named it when it was opened.
   */
  loadId: string;
  /**
   * The department loading its records.
   */
  department: string;
  /**
   * Opened (by the gateway): records are coming. Closed (by the gateway): all the load's records were accepted; the watermarks say where they end. Judged (by the crosscheck): every record of the load is judged and the findings it held back are announced. Given-up (by the crosscheck): the load held findings back for as long as it may without being judged, and they are announced.
   */
  change: "opened" | "closed" | "judged" | "given-up";
  /**
   * When the load was opened.
   */
  openedAt: string;
  /**
   * When the load was closed.
   */
  closedAt?: string;
  /**
   * When the crosscheck judged the load, or gave up holding for it.
   */
  judgedAt?: string;
  /**
   * At the close: the end (next offset) of each partition of the department's canonical topics. Every record of the load is before it.
   *
   * @maxItems 2000
   */
  watermarks?: {
    /**
     * A canonical topic of the department.
     */
    topic: string;
    /**
     * Its partition.
     */
    partition: number;
    /**
     * The partition's end at the close (its high watermark): the offset the next record would take.
     */
    offset: string;
  }[];
};

/**
 * Department response to a finding (发现处理反馈). A department acknowledges, resolves or disputes a finding routed to it; a dispute needs a reason.
 */
export interface HubFindingResponseRecordedV1 {
  /**
   * The finding responded to.
   */
  findingId: string;
  /**
   * The responding department.
   */
  department: "education" | "civil-affairs" | "rural-revitalisation" | "disability" | "healthcare-security";
  /**
   * The response.
   */
  response: "acknowledged" | "resolved" | "disputed";
  /**
   * Why: required for a dispute.
   */
  reason?: string;
  /**
   * The official who responded.
   */
  respondedBy: string;
  /**
   * When.
   */
  respondedAt: string;
}

/**
 * Finding raised, updated or closed (比对发现). A cross-check finding of the hub: raised once, updated when its evidence changes, closed when its cause goes away or a department resolves it. Delivered only to the department that can act on it.
 */
export interface HubFindingChangedV1 {
  /**
   * Deterministic id: a hash of rule, rule version, subject and period.
   */
  findingId: string;
  /**
   * The rule family that raised it.
   */
  rule:
    | "missed-student-aid"
    | "aid-without-eligibility"
    | "insurance-gap"
    | "insurance-subsidy-mismatch"
    | "disability-care-subsidy-gap"
    | "disability-living-subsidy-gap"
    | "disability-subsidy-not-due"
    | "dropout-risk"
    | "sole-dibao-candidate"
    | "medical-cost-risk"
    | "medical-assistance-missing"
    | "data-quality";
  /**
   * Version of the rule and its policy.
   */
  ruleVersion: string;
  /**
   * What happened to the finding.
   */
  change: "raised" | "updated" | "closed";
  /**
   * Pseudonym of the person or household the finding is about (never a raw identity number).
   */
  subject: string;
  /**
   * The term, year or month the finding concerns.
   */
  period: string;
  /**
   * The aid item a student-aid finding is about (policy 1.2.0 judges 漏助 and 错助 per item), as the aid contract (version 2) names it.
   */
  item?: string;
  /**
   * The department that can act on it.
   */
  routedTo: "education" | "civil-affairs" | "rural-revitalisation" | "disability" | "healthcare-security";
  /**
   * The county-level division (GB/T 2260) the subject lives in, as the departments' records say; absent where none says. What findings are counted and filtered by.
   */
  county?: string;
  /**
   * Present when the policy lets the department the finding is routed to learn who the subject is (POST /v1/findings/{findingId}/reveal), and for what purpose (issue 20).
   */
  reveal?: {
    /**
     * The purpose the policy grants the reveal for, e.g. 资助参保.
     */
    purpose: string;
  };
  /**
   * Why it was raised (or closed), in words.
   */
  explanation: string;
  /**
   * The events that caused it.
   *
   * @minItems 1
   * @maxItems 100
   */
  evidence: {
    /**
     * CloudEvents id.
     */
    eventId: string;
    /**
     * CloudEvents source (the publishing department).
     */
    source: string;
    /**
     * CloudEvents type.
     */
    type: string;
  }[];
  /**
   * The routed department's responses to the finding so far, oldest first.
   *
   * @maxItems 50
   */
  responses?: {
    /**
     * The response.
     */
    response: "acknowledged" | "resolved" | "disputed";
    /**
     * Why (required for a dispute).
     */
    reason?: string;
    /**
     * When.
     */
    respondedAt: string;
  }[];
  /**
   * When the hub changed the finding.
   */
  occurredAt: string;
  /**
   * The day (in China) the rules judged the change as of; absent when the finding is announced again for a department's response. A replay judges as of it by default.
   */
  evaluationDate?: string;
}

/**
 * Monitoring status changed (脱贫户 / 防返贫监测对象状态变更). Rural Revitalisation records a household lifted out of poverty (脱贫户) or starts or ends monitoring against a return to poverty: 脱贫不稳定户, 边缘易致贫户, 突发严重困难户.
 */
export interface RuralRevitalisationMonitoringStatusChangedV1 {
  /**
   * The department's household number (户号).
   */
  householdNumber: string;
  /**
   * GB/T 2260 administrative division code of the county-level division.
   */
  regionCode: string;
  /**
   * poverty-alleviated 脱贫户; unstable-alleviated 脱贫不稳定户; marginal-vulnerable 边缘易致贫户; sudden-hardship 突发严重困难户.
   */
  monitoringType: "poverty-alleviated" | "unstable-alleviated" | "marginal-vulnerable" | "sudden-hardship";
  /**
   * risk-eliminated: 风险消除, monitoring ends because the risk is gone.
   */
  change: "monitoring-started" | "monitoring-ended" | "risk-eliminated";
  /**
   * First day of the status or monitoring (inclusive).
   */
  monitoringFrom: string;
  /**
   * Last day (inclusive); null while it continues.
   */
  monitoringTo: string | null;
  /**
   * The household members.
   *
   * @minItems 1
   * @maxItems 30
   *
   * Items: A member of the household.
   */
  members: {
    /**
     * Resident identity number (公民身份号码, GB 11643-1999).
     */
    idNumber: string;
    /**
     * Name as registered (姓名).
     */
    name: string;
    /**
     * Relation to the head of household (与户主关系): a code, identifying nobody on its own; public so that the rules can find a child's parents (家庭经济困难残疾人子女).
     */
    relationToHead: "head" | "spouse" | "child" | "parent" | "grandchild" | "grandparent" | "sibling" | "other";
  }[];
}
