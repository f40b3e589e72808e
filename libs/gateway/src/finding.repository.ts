import type { DeliveredFinding, FindingFilter } from './delivered-finding.js';

/** A finding as the gateway keeps it: without the member's record keys, which stay sealed in the ledger and are opened when it is read. */
export type HeldFinding = Omit<DeliveredFinding, 'sequence' | 'recordKeys'>;

/** A held finding with the member it is routed to and its place in the member's change feed. */
export interface HeldFindingRow {
  routedTo: string;
  sequence: string;
  finding: HeldFinding;
}

/**
 * Each department's findings as the gateway holds them: the port of `FindingDelivery`; the
 * PostgreSQL adapter is `PostgresFindingRepository`.
 */
export interface FindingRepository {
  /**
   * Holds the findings (no finding twice for one member), each only if it is newer than, and
   * differs from, the one held; returns those it changed, each with a new sequence.
   */
  hold(findings: readonly { routedTo: string; finding: HeldFinding }[]): Promise<HeldFindingRow[]>;
  /** A member's findings (every member's for undefined) in change order after the filter's cursor. */
  list(member: string | undefined, filter: FindingFilter): Promise<HeldFindingRow[]>;
  find(member: string, findingId: string): Promise<HeldFindingRow | undefined>;
  /** Who a finding is routed to, if it is held. */
  routedTo(findingId: string): Promise<string | undefined>;
  /** Drops the record keys an earlier version kept inside findings; returns how many findings changed. */
  dropKeptRecordKeys(): Promise<number>;
}

export const FINDING_REPOSITORY = Symbol('FindingRepository');
