/* The shapes of shared facts: where one comes from, as a member reads it, and a read the auditors look into. */

/** The event a fact comes from. */
export interface FactSource {
  eventType: string;
  eventId: string;
  source: string;
  occurredAt: string;
}

/** A fact as a member reads it: about a person it knows, in its own record keys, with the fields its rule grants. */
export interface DeliveredFact {
  sequence: string;
  eventType: string;
  eventId: string;
  source: string;
  occurredAt: string;
  /** The member's own identifiers of the person (学籍号, certificate number, ...). */
  recordKeys: Record<string, string>;
  fields: Record<string, unknown>;
  purpose: string;
}

/**
 * A person whose facts a member read with nothing to justify it (issue 20): no finding about them
 * routed to the member, and no record of them from the member beyond the one that let it read.
 */
export interface UnjustifiedFactRead {
  member: string;
  /** The person's pseudonym. */
  subject: string;
  firstReadAt: string;
  lastReadAt: string;
  factsServed: number;
  /** How many accepted records of the member named the person (0 or 1). */
  records: number;
}
