import { EVIDENCE_KEPT, findingKey, type ReportedFinding } from './reported-finding.js';

/** How the replayed findings differ from those the hub announced, for one subject, rule, period (and aid item). */
export interface FindingDifference {
  difference: 'appears' | 'disappears' | 'changes';
  rule: string;
  subject: string;
  period: string;
  item?: string;
  why: string;
  replayed?: ReportedFinding;
  recorded?: ReportedFinding;
}

const eventIds = (finding: ReportedFinding) => finding.evidence.slice(0, EVIDENCE_KEPT).map((e) => `${e.source}/${e.eventId}`);

function changes(replayed: ReportedFinding, recorded: ReportedFinding): string[] {
  const reasons: string[] = [];
  const [now, then] = [eventIds(replayed), eventIds(recorded)];
  const added = now.filter((id) => !then.includes(id));
  const removed = then.filter((id) => !now.includes(id));
  if (added.length > 0) reasons.push(`evidence added: ${added.join(', ')}`);
  if (removed.length > 0) reasons.push(`evidence no longer there: ${removed.join(', ')}`);
  if (replayed.explanation !== recorded.explanation) reasons.push(`explanation was "${recorded.explanation}", is "${replayed.explanation}"`);
  if (replayed.routedTo !== recorded.routedTo) reasons.push(`routed to ${replayed.routedTo}, was ${recorded.routedTo}`);
  return reasons;
}

/**
 * Compares the open findings of a replay with the open findings the hub had announced: which would
 * appear, which would disappear, and which would change, each with the reason. Findings are matched
 * by rule, subject, period and aid item; the result is in that order.
 */
export function diffFindings(replayed: readonly ReportedFinding[], recorded: readonly ReportedFinding[], policyVersion: string): FindingDifference[] {
  const open = (findings: readonly ReportedFinding[]) => new Map(findings.filter((f) => f.state === 'open').map((f) => [findingKey(f), f]));
  const recordedClosed = new Set(recorded.filter((f) => f.state === 'closed').map(findingKey));
  const [replayedOpen, recordedOpen] = [open(replayed), open(recorded)];
  const differences: FindingDifference[] = [];
  for (const key of [...new Set([...replayedOpen.keys(), ...recordedOpen.keys()])].sort()) {
    const now = replayedOpen.get(key);
    const then = recordedOpen.get(key);
    const either = (now ?? then)!;
    const about = { rule: either.rule, subject: either.subject, period: either.period, ...(either.item ? { item: either.item } : {}) };
    if (now && !then) {
      const before = recordedClosed.has(key) ? 'the hub had closed it' : 'the hub never announced it';
      differences.push({ difference: 'appears', ...about, why: `${now.rule} ${now.ruleVersion} raises it on this history (${before}): ${now.explanation}`, replayed: now });
    } else if (then && !now) {
      differences.push({
        difference: 'disappears',
        ...about,
        why: `the hub announced it (${then.ruleVersion}: ${then.explanation}); on this history no rule of policy ${policyVersion} holds it open`,
        recorded: then,
      });
    } else if (now && then) {
      const reasons = changes(now, then);
      if (reasons.length > 0) differences.push({ difference: 'changes', ...about, why: reasons.join('; '), replayed: now, recorded: then });
    }
  }
  return differences;
}
