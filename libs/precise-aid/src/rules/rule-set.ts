import { periodEnd } from '../calendar/periods.js';
import type { Finding } from '../findings/finding.js';
import type { Policy } from '../policy/policy.js';
import { countyOf } from '../state/person-county.js';
import type { PersonView } from '../state/person-view.js';
import { aidWithoutEligibility } from './aid-without-eligibility.rule.js';
import { dataQuality } from './data-quality.rule.js';
import { disabilitySubsidyGaps } from './disability-subsidy-gaps.rule.js';
import { disabilitySubsidyNotDue } from './disability-subsidy-not-due.rule.js';
import { dropoutRisk } from './dropout-risk.rule.js';
import { insuranceGap } from './insurance-gap.rule.js';
import { insuranceSubsidyMismatch } from './insurance-subsidy-mismatch.rule.js';
import { medicalAssistanceMissing } from './medical-assistance-missing.rule.js';
import { medicalCostRisk } from './medical-cost-risk.rule.js';
import { missedStudentAid } from './missed-student-aid.rule.js';
import type { Rule, RuleContext } from './rule.js';
import { soleDibaoCandidate } from './sole-dibao-candidate.rule.js';

/** Every rule family of the hub, in the order findings are listed. */
export const RULES: readonly Rule[] = [
  missedStudentAid,
  aidWithoutEligibility,
  insuranceGap,
  insuranceSubsidyMismatch,
  disabilitySubsidyGaps,
  disabilitySubsidyNotDue,
  dropoutRisk,
  soleDibaoCandidate,
  medicalCostRisk,
  medicalAssistanceMissing,
  dataQuality,
];

/** Whether a finding's period (a year or a term) ended before the policy's first judged day; a date (data quality: from when two records conflict) never did. */
function beforeJudged(period: string, policy: Policy): boolean {
  if (policy.judgedFrom === null) return false;
  const end = periodEnd(period, policy.terms);
  return end !== null && end < policy.judgedFrom;
}

/**
 * All findings about one person under one policy, sorted by id so the same input always gives the
 * same output; each carries the policy's reveal grant for its rule, if there is one, and the
 * person's county where a record names it.
 */
export function evaluatePerson(view: PersonView, context: RuleContext): Finding[] {
  const county = countyOf(view);
  return RULES.flatMap((rule) => rule(view, context))
    .filter((finding) => !beforeJudged(finding.period, context.policy))
    .map((finding) => {
      const grant = context.policy.reveal[finding.rule];
      return { ...finding, ...(county ? { county } : {}), ...(grant ? { reveal: { purpose: grant.purpose } } : {}) };
    })
    .sort((a, b) => a.findingId.localeCompare(b.findingId));
}
