import type { Fact } from '@hub/precise-aid';
import { isHouseholdFact } from './fact-groups.js';

/** A row of crosscheck_fact as the views read it: the columns and the fact's JSON body. */
export interface StoredFactRow {
  kind: string;
  person: string | null;
  household: string | null;
  source: string;
  event_id: string;
  fact: Record<string, unknown>;
}

/** What the body keeps of a fact's evidence: its source and event id are the row's key. */
interface StoredEvidence {
  type: string;
  knownAt: string;
  source?: string;
  eventId?: string;
}

/**
 * A fact's JSON body for crosscheck_fact: the fact without what the row's columns already say
 * (its kind, its person or household, its source and event id). One row per record, so the
 * region's facts take a fifth less room, and less is read back for every person judged.
 */
export function storedFactBody(fact: Fact): string {
  const { kind, evidence, ...named } = fact;
  const { source, eventId, ...keptEvidence } = evidence;
  const { [isHouseholdFact(fact) ? 'household' : 'person']: subject, ...body } = named as Record<string, unknown>;
  return JSON.stringify({ ...body, evidence: keptEvidence });
}

/**
 * The fact a row holds, its columns put back. A row stored before the body left them out reads
 * the same (its body repeats what the columns say). The evidence's keys are in the order jsonb
 * gives every object's (shorter keys first), as when the whole fact was the body: the findings
 * announced cite it as they did.
 */
export function factFromStored(row: StoredFactRow): Fact {
  const { evidence, ...body } = row.fact as { evidence: StoredEvidence };
  const subject = row.household === null ? { person: row.person } : { household: row.household };
  return { ...body, kind: row.kind, ...subject, evidence: { type: evidence.type, source: row.source, eventId: row.event_id, knownAt: evidence.knownAt } } as unknown as Fact;
}
