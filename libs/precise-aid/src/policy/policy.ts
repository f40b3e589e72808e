import type { TermCalendar } from '../calendar/periods.js';
import type { RuleFamily } from '../findings/finding.js';

/** A department's entitlement to learn who a finding is about, for one purpose (issue 20). */
export interface RevealGrant {
  /** Why the department may know the person, as the access log records it, e.g. `资助参保`. */
  purpose: string;
}

/**
 * The policy choices the rules read, as versioned configuration: changing any of them is a new
 * version, which findings carry, so what-if runs of another policy are comparable and auditable.
 */
export interface Policy {
  /** Semantic version of this rule set and policy; every finding carries it. */
  version: string;
  terms: TermCalendar;
  studentAid: {
    /** Civil Affairs categories that make a student eligible. */
    categories: string[];
    /** Rural Revitalisation monitoring types that make a student eligible. */
    monitoringTypes: string[];
    /** A certificate of the student counts; of a parent too, when this is set. */
    disabilityOfStudent: boolean;
    disabilityOfParent: boolean;
    /** School stages the aid covers. */
    stages: string[];
    /** A status counts for a term only if it holds on at least this many of the term's days (a status starting at the very end of a term does not). */
    minDaysInTerm: number;
  };
  insurance: {
    categories: string[];
    monitoringTypes: string[];
    insuranceType: string;
  };
  disabilitySubsidy: {
    /** Certificate grades that call for the care subsidy (重度: 1 and 2). */
    careGrades: number[];
    /** Categories whose certificate holders are due the living subsidy. */
    livingCategories: string[];
    /** Months after a certificate (or status) begins before a missing subsidy counts. */
    graceMonths: number;
  };
  /**
   * Which rules let the department a finding is routed to learn the subject's identity number and
   * name, and for what: only where the department cannot act without it (an uninsured person has no
   * record at Healthcare Security to find them by). Other rules' findings reach the department in
   * its own record keys, or not at all.
   */
  reveal: Partial<Record<RuleFamily, RevealGrant>>;
}

export const POLICY_2026: Policy = {
  version: '1.1.0',
  terms: { autumn: { start: '09-01', end: '01-31' }, spring: { start: '02-15', end: '07-15' } },
  studentAid: {
    categories: ['dibao', 'extreme-poverty', 'orphan', 'de-facto-unsupported-child'],
    monitoringTypes: ['poverty-alleviated', 'unstable-alleviated', 'marginal-vulnerable', 'sudden-hardship'],
    disabilityOfStudent: true,
    disabilityOfParent: true,
    stages: ['preschool', 'compulsory', 'senior-high', 'secondary-vocational'],
    minDaysInTerm: 30,
  },
  insurance: {
    categories: ['dibao', 'extreme-poverty'],
    monitoringTypes: ['unstable-alleviated', 'marginal-vulnerable', 'sudden-hardship'],
    insuranceType: 'basic-medical',
  },
  disabilitySubsidy: {
    careGrades: [1, 2],
    livingCategories: ['dibao'],
    graceMonths: 2,
  },
  reveal: {
    'insurance-gap': { purpose: '资助参保: enrol the uninsured assisted person with a premium subsidy (医疗保障 参保资助)' },
  },
};
