import { projectFact, type SharedFact, type SharingRule } from '@hub/access';
import type { DeliveredFact, FactSource, UnjustifiedFactRead } from './delivered-fact.js';
import type { IngestLedger } from './ingest-ledger.repository.js';
import type { SharedFactRepository } from './shared-fact.repository.js';

/**
 * The shared facts, kept once per event and person; a member reads those about the persons it has
 * published records of (it has record keys for them), projected by its sharing rule for the event
 * type at the time it reads. Nobody learns of a person through a fact who did not know of them.
 */
export class SharedFacts {
  // The facts kept (its repository) and the member's sealed record keys (what it uses of the ledger): its ports, so it is specified without PostgreSQL (shared-facts.spec.ts).
  constructor(
    private readonly facts: SharedFactRepository,
    private readonly ledger: Pick<IngestLedger, 'recordKeys'>,
  ) {}

  /** Keeps events' facts, in one statement however many; an event kept before adds nothing. */
  record(events: readonly { source: FactSource; facts: readonly SharedFact[] }[]): Promise<void> {
    return this.facts.keep(events.flatMap(({ source, facts }) => facts.map((fact) => ({ source, fact }))));
  }

  /**
   * The member now holds record keys of these persons (committed): the facts kept about them become
   * its to read, after whatever it has read already.
   */
  knownBy(member: string, subjects: readonly string[]): Promise<void> {
    return this.facts.knownBy(member, subjects);
  }

  /** The facts a member may read, after a cursor in the order they became its to read, of the event types its rules name (or one of them); each read is noted for the auditors. */
  async list(member: string, rules: ReadonlyMap<string, SharingRule>, filter: { after?: string; limit: number }): Promise<DeliveredFact[]> {
    if (rules.size === 0) return [];
    const kept = await this.facts.knownTo(member, [...rules.keys()], filter);
    const keys = await this.ledger.recordKeys(member, [...new Set(kept.map((fact) => fact.subject))]);
    await this.facts.noteReads(
      member,
      kept.map((fact) => fact.subject),
    );
    return kept.map(({ subject, fields, ...fact }) => {
      const rule = rules.get(fact.eventType)!;
      return { ...fact, recordKeys: keys.get(subject) ?? {}, fields: projectFact(fields, rule.fields), purpose: rule.purpose };
    });
  }

  /**
   * The persons whose facts a member (or every member) read with no finding about them routed to
   * it and at most one accepted record of them from it: the trace of a look-up through a made-up
   * record. Ordered by member and person, after a cursor (`<member>/<subject>`).
   */
  unjustifiedReads(member: string | undefined, filter: { after?: string; limit: number }): Promise<UnjustifiedFactRead[]> {
    return this.facts.unjustifiedReads(member, filter);
  }
}
