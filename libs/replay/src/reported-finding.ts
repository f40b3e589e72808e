/** A finding in a replay report, as the findings topic carries it (evidence as event references). */
export interface ReportedFinding {
  findingId: string;
  rule: string;
  ruleVersion: string;
  subject: string;
  period: string;
  /** The aid item, for student-aid findings of policy 1.2.0 on. */
  item?: string;
  routedTo: string;
  state: 'open' | 'closed';
  explanation: string;
  evidence: { eventId: string; source: string; type: string }[];
}

/** The topic keeps at most this much evidence per finding; comparisons look at no more. */
export const EVIDENCE_KEPT = 100;

/** Findings are compared by what they are about, not by id: another rule version gives the same finding another id. */
export const findingKey = (finding: Pick<ReportedFinding, 'rule' | 'subject' | 'period' | 'item'>): string =>
  `${finding.rule} ${finding.subject} ${finding.period}${finding.item ? ` ${finding.item}` : ''}`;

export const byFindingKey = (a: ReportedFinding, b: ReportedFinding): number => findingKey(a).localeCompare(findingKey(b)) || a.findingId.localeCompare(b.findingId);
