import { createHash } from 'node:crypto';
import type { Evidence } from '../facts/evidence.js';
import type { DepartmentId } from '@hub/departments';

export const RULE_FAMILIES = [
  'missed-student-aid',
  'aid-without-eligibility',
  'insurance-gap',
  'insurance-subsidy-mismatch',
  'disability-care-subsidy-gap',
  'disability-living-subsidy-gap',
  'disability-subsidy-not-due',
  'dropout-risk',
  'sole-dibao-candidate',
  'medical-cost-risk',
  'medical-assistance-missing',
  'data-quality',
] as const;
export type RuleFamily = (typeof RULE_FAMILIES)[number];

/** What a rule found about a subject for a period, why, and who can act on it. */
export interface Finding {
  findingId: string;
  rule: RuleFamily;
  ruleVersion: string;
  subject: string;
  period: string;
  /** The aid item a student-aid finding is about (policy 1.2.0: 漏助 and 错助 are judged per item); absent for the other rules. */
  item?: string;
  /** The department that can act on it. */
  routedTo: DepartmentId;
  /** The county-level division (GB/T 2260) the subject lives in, as the records say (countyOf); absent where none says. */
  county?: string;
  explanation: string;
  evidence: Evidence[];
  /** Set when the policy lets the routed department learn who the subject is, and for what purpose. */
  reveal?: { purpose: string };
}

/** The same rule, version, subject, period (and item) always give the same id, so a finding is raised once however often it is found. */
export function findingId(rule: RuleFamily, ruleVersion: string, subject: string, period: string, item?: string): string {
  return createHash('sha256')
    .update([rule, ruleVersion, subject, period, ...(item === undefined ? [] : [item])].join('\u0000'))
    .digest('hex');
}

export function finding(rule: RuleFamily, ruleVersion: string, subject: string, period: string, routedTo: DepartmentId, explanation: string, evidence: Evidence[], item?: string): Finding {
  const unique = [...new Map(evidence.map((e) => [`${e.source}\u0000${e.eventId}`, e])).values()].sort((a, b) => a.knownAt.localeCompare(b.knownAt) || a.eventId.localeCompare(b.eventId));
  return { findingId: findingId(rule, ruleVersion, subject, period, item), rule, ruleVersion, subject, period, ...(item === undefined ? {} : { item }), routedTo, explanation, evidence: unique };
}
