import type { SharedFact } from '@hub/access';
import type { FactSource, UnjustifiedFactRead } from './delivered-fact.js';

/** A kept fact, as the repository gives it back. */
export interface KeptFact extends FactSource {
  /** Paging cursor: the order the fact became the member's to read. */
  sequence: string;
  subject: string;
  fields: Record<string, unknown>;
}

/**
 * The shared facts, the reads of them, and what makes a read justified: the port of `SharedFacts`;
 * the PostgreSQL adapter is `PostgresSharedFactRepository`.
 */
export interface SharedFactRepository {
  /** Keeps the facts, once committed readable by the members that know their persons; one kept before (same event and person) adds nothing. */
  keep(facts: readonly { source: FactSource; fact: SharedFact }[]): Promise<void>;
  /** The member holds record keys of these persons now (committed): the facts kept about them become its to read. */
  knownBy(member: string, subjects: readonly string[]): Promise<void>;
  /** Facts of the event types about persons the member has record keys of, after the cursor, in the order they became the member's to read. */
  knownTo(member: string, eventTypes: readonly string[], filter: { after?: string; limit: number }): Promise<KeptFact[]>;
  /** Counts the facts served to the member per person (one per entry of subjects). */
  noteReads(member: string, subjects: readonly string[]): Promise<void>;
  /** Persons whose facts a member (or every member) read with no finding routed to it and at most one record of them, after a cursor `<member>/<subject>`. */
  unjustifiedReads(member: string | undefined, filter: { after?: string; limit: number }): Promise<UnjustifiedFactRead[]>;
}

export const SHARED_FACT_REPOSITORY = Symbol('SharedFactRepository');
