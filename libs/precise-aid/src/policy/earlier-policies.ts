import { POLICY_2026, type AidItem, type Policy } from './policy.js';

/** Before 1.2.0 any aid for the term counted, for every counted status, from the term's start; and any aid with no counted status was for review. */
const ANY_AID: AidItem[] = ['preschool', 'compulsory', 'senior-high', 'secondary-vocational'].map((stage) => ({
  name: '任何学生资助',
  stage,
  paidBy: [
    'preschool-subsidy',
    'compulsory-living-subsidy',
    'senior-high-grant',
    'vocational-grant',
    'tuition-waiver',
    'preschool-final-year-free',
    'compulsory-nutrition',
    'senior-high-fee-waiver',
    'vocational-tuition-waiver',
  ],
  entitlement: 'closed-list',
  groups: [{ bases: 'counted' }],
  deadline: null,
}));

/** Policy 1.3.0 (2026-12-06): as 1.4.0, with 控辍保学 only for pupils who left school, not for children of school age never enrolled, and no check of age vs stage. */
export const POLICY_1_3: Policy = {
  ...POLICY_2026,
  version: '1.3.0',
  schooling: { ...POLICY_2026.schooling!, schoolAgeStage: null },
  dataQuality: { ...POLICY_2026.dataQuality, gradeForAge: null },
};

/** Policy 1.2.0 (2026-12-06): as 1.3.0 with none of the checks issue 22 added (控辍保学, 单人保, 因病返贫, 医疗救助, the cross-field data quality), and every period judged. */
export const POLICY_1_2: Policy = {
  ...POLICY_2026,
  version: '1.2.0',
  judgedFrom: null,
  schooling: null,
  soleDibao: null,
  medicalCost: null,
  medicalAssistance: null,
  dataQuality: { exclusiveCategories: [], schoolTypes: {}, gradeForAge: null },
};

/**
 * Policy 1.1.0 (2026-12-05), in today's shape: any aid for a term, judged from its start, and student aid for 低保, 特困, 孤儿, 事实无人抚养 and
 * the monitored, any parent's certificate counting; the care subsidy for grades 1 and 2 only, no
 * exclusions, no check of subsidies paid when not due; insurance for 低保, 特困 and the three
 * monitored types, with no check of the premium subsidy. Kept so that replays of what the hub
 * announced under it compare like with like.
 */
export const POLICY_1_1: Policy = {
  ...POLICY_1_2,
  version: '1.1.0',
  studentAid: { ...POLICY_2026.studentAid, categories: ['dibao', 'extreme-poverty', 'orphan', 'de-facto-unsupported-child'], parentCertificates: 'any', items: ANY_AID },
  insurance: { categories: ['dibao', 'extreme-poverty'], monitoringTypes: ['unstable-alleviated', 'marginal-vulnerable', 'sudden-hardship'], insuranceType: 'basic-medical', premiumSubsidy: null },
  disabilitySubsidy: { careGrades: [1, 2], careCategoriesOfEveryGrade: [], livingCategories: ['dibao'], excludedCategories: [], graceMonths: 2, notDue: false },
};

/** Policy 1.0.0: as 1.1.0, with no rule granting a reveal (issue 20 added the grants, and with them a version). */
export const POLICY_1_0: Policy = { ...POLICY_1_1, version: '1.0.0', reveal: {} };
