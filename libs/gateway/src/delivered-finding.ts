/* The shapes of a finding on its way to a department: as the hub announces it, and as the department reads it. */

/** A finding as the hub publishes it on hub.finding.changed.v1 (the contract's data). */
export interface FindingChange {
  findingId: string;
  rule: string;
  ruleVersion: string;
  change: 'raised' | 'updated' | 'closed';
  subject: string;
  period: string;
  item?: string;
  routedTo: string;
  county?: string;
  reveal?: { purpose: string };
  explanation: string;
  evidence: { eventId: string; source: string; type: string }[];
  responses?: FindingResponseSummary[];
  occurredAt: string;
}

/** A department's response as the finding carries it. */
export interface FindingResponseSummary {
  response: 'acknowledged' | 'resolved' | 'disputed';
  reason?: string;
  respondedAt: string;
}

/** A finding as its department sees it: in its own record keys, without anything it is not entitled to. */
export interface DeliveredFinding {
  findingId: string;
  rule: string;
  ruleVersion: string;
  state: 'open' | 'closed';
  period: string;
  /** The aid item a student-aid finding is about (普高 国家助学金, ...), as the aid contract (version 2) names it. */
  item?: string;
  /** The county-level division (GB/T 2260) the subject lives in, as the departments' records say; absent where none says. */
  county?: string;
  explanation: string;
  evidence: FindingChange['evidence'];
  /** The hub's pseudonym of the person or household, to quote when responding. */
  subject: string;
  /** The department's own identifiers of the subject (学籍号, household number, certificate number), when it has published any. */
  recordKeys: Record<string, string>;
  /** The department's responses so far. */
  responses: FindingResponseSummary[];
  /** Present when the policy lets the department learn who the subject is (POST /v1/findings/{findingId}/reveal), and for what. */
  reveal?: { purpose: string };
  occurredAt: string;
  /** Paging cursor: grows whenever the finding changes. */
  sequence: string;
}

export interface FindingFilter {
  after?: string;
  limit: number;
  state?: 'open' | 'closed';
  rule?: string;
  period?: string;
  county?: string;
  /** The member's last response, or `none` for a finding not yet answered. */
  response?: (typeof RESPONSE_FILTERS)[number];
}

/** What a list of findings may be filtered by the member's last response: one of the three, or none yet. */
export const RESPONSE_FILTERS = ['none', 'acknowledged', 'resolved', 'disputed'] as const satisfies readonly (FindingResponseSummary['response'] | 'none')[];
