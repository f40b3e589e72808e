import type { Policy } from '../policy/policy.js';
import { callsForCare } from './disability-entitlement.js';

/** What makes a student eligible for aid under the policy, as `eligibilityDuring` asks it. */
export function studentAidKinds(policy: Policy) {
  return {
    categories: policy.studentAid.categories,
    monitoringTypes: policy.studentAid.monitoringTypes,
    ownDisability: policy.studentAid.disabilityOfStudent,
    parentDisability: policy.studentAid.disabilityOfParent,
    // 家庭经济困难残疾人子女: a parent's certificate counts when it is severe, as the care subsidy's scope says.
    ...(policy.studentAid.parentCertificates === 'severe' ? { parentCertificate: callsForCare(policy.disabilitySubsidy) } : {}),
  };
}
