import type { Rejection } from '@hub/ingest';
import type { VaultEntry } from './identity-vault.js';

export type IngestChannel = 'http' | 'kafka';

export interface AcceptedEntry {
  eventId: string;
  eventType: string;
  topic: string;
}

/** A department's own identifier behind a pseudonym, so what is routed back reaches it in its own keys. */
export interface RecordKeyEntry {
  pseudonym: string;
  field: string;
  original: string;
  /** The identifier's own pseudonym: an unchanged key is recognised by it and not sealed and written again. */
  originalPseudonym: string;
}

export interface RejectionEntry {
  eventId?: string;
  eventType?: string;
  problems: Rejection[];
  /** The record as submitted; kept by the gateway alone, sealed, so its member can list (masked) and replay it. */
  record: unknown;
}

/** What became of one submission: what the ledger records for it. */
export interface BatchOutcome {
  member: string;
  channel: IngestChannel;
  at: Date;
  accepted: readonly AcceptedEntry[];
  recordKeys: readonly RecordKeyEntry[];
  rejected: readonly RejectionEntry[];
  /** The residents the accepted records name, for the identity vault. */
  identities: readonly VaultEntry[];
  /** The person pseudonyms each accepted record names, once per record: what the member has published about whom. */
  subjects: readonly string[];
}

export interface StoredRejection extends RejectionEntry {
  rejectionId: string;
  channel: IngestChannel;
  rejectedAt: string;
  replayedAt: string | null;
}

export interface EarlierAcceptance {
  topic: string;
  acceptedAt: string;
}

/**
 * What became of each member's records: accepted ids (the idempotency ledger), rejected records
 * with their problems, the record keys behind pseudonyms, and whom each member has named. The port
 * of the publishing, rejection and delivery use cases; the PostgreSQL adapter is
 * `PostgresIngestLedger`, which seals rejected records and record keys before they are written.
 */
export interface IngestLedger {
  /** The ids among these that the member had accepted before, with what they became. */
  acceptedEarlier(member: string, eventIds: readonly string[]): Promise<Map<string, EarlierAcceptance>>;
  /**
   * Records a batch's outcome and publishes it: the writes first, then `publish` (knowing the new
   * rejections' ids), then the commit. A write that fails publishes nothing, and a failed publish
   * leaves no trace. Returns the new rejections' ids, in order.
   */
  record(outcome: BatchOutcome, publish: (rejectionIds: readonly string[]) => Promise<void>): Promise<string[]>;
  /** The member's rejected records, oldest first, after a cursor (a rejection id). */
  rejections(member: string, filter: { after?: string; limit: number; eventType?: string }): Promise<StoredRejection[]>;
  rejection(member: string, rejectionId: string): Promise<StoredRejection | undefined>;
  markReplayed(rejectionId: string): Promise<void>;
  /** The member's own record keys behind these pseudonyms: pseudonym → field → original (opened for the member alone). */
  recordKeys(member: string, pseudonyms: readonly string[]): Promise<Map<string, Record<string, string>>>;
  /** Seals what an earlier version kept in the clear, and seals again what an older key sealed; returns how many rows. */
  sealLegacyRows(): Promise<{ rejections: number; recordKeys: number }>;
}

export const INGEST_LEDGER = Symbol('IngestLedger');
