import type { Evidence } from '../facts/evidence.js';
import type { Finding } from './finding.js';

export interface FindingChange {
  change: 'raised' | 'updated' | 'closed';
  finding: Finding;
}

const sameEvidence = (a: Evidence, b: Evidence) => a.eventId === b.eventId && a.source === b.source && a.type === b.type && a.knownAt === b.knownAt;

/** Field by field, not by JSON: a finding read back from jsonb has its keys in another order than one just made. */
const sameContent = (a: Finding, b: Finding) => a.explanation === b.explanation && a.evidence.length === b.evidence.length && a.evidence.every((evidence, i) => sameEvidence(evidence, b.evidence[i]));

/**
 * What changed between the open findings about some subjects and a fresh evaluation of them: new
 * ones are raised, ones with other evidence updated, and ones no longer found closed, with the
 * events that removed their cause added to their evidence. Re-evaluating unchanged facts changes
 * nothing, so redelivery and restarts never raise twice or flap.
 */
export function reconcile(open: readonly Finding[], found: readonly Finding[], cause: readonly Evidence[]): FindingChange[] {
  const before = new Map(open.map((f) => [f.findingId, f]));
  const now = new Map(found.map((f) => [f.findingId, f]));
  const changes: FindingChange[] = [];
  for (const [id, finding] of now) {
    const previous = before.get(id);
    if (!previous) changes.push({ change: 'raised', finding });
    else if (!sameContent(previous, finding)) changes.push({ change: 'updated', finding });
  }
  for (const [id, finding] of before) {
    if (now.has(id)) continue;
    const evidence = [...finding.evidence, ...cause.filter((c) => !finding.evidence.some((e) => e.eventId === c.eventId && e.source === c.source))];
    changes.push({
      change: 'closed',
      finding: { ...finding, explanation: `Closed: no longer found after ${cause.map((c) => c.type).join(', ') || 'a re-evaluation'}. Was: ${finding.explanation}`, evidence },
    });
  }
  return changes.sort((a, b) => a.finding.findingId.localeCompare(b.finding.findingId));
}
