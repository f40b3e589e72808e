import type { InboundRecord, KafkaSettings, KeyFilter, LogCut } from '@hub/messaging';

export type { KeyFilter, LogCut };

/**
 * Where a replay reads the log: the Kafka topics themselves, or the audit store (which keeps every
 * record after the topics' retention has dropped it). The log is first cut at a moment, then read
 * within the cuts: readers of one replay share the cuts, so they read the same log even while
 * records are still being written.
 */
export interface LogSource {
  readonly name: 'kafka' | 'audit-store';
  /** Each partition of the topics from its first record held to the first written after the moment. */
  cutsAt(topics: readonly string[], until: Date): Promise<LogCut[]>;
  /** Each partition's records within its cut, in offset order, a batch at a time; with `keep`, only those whose key passes. Returns how many were handed on. */
  read(cuts: readonly LogCut[], onBatch: (records: InboundRecord[]) => Promise<void>, keep?: KeyFilter): Promise<number>;
  /** Records within the cuts that can no longer be read (the audit store's months past retention): `read` leaves them out. */
  expiredWithin?(cuts: readonly LogCut[]): Promise<number>;
  close(): Promise<void>;
}

/** How to open a log source: a worker opens its own from this. */
export type LogSourceSpec =
  { kind: 'kafka'; settings: KafkaSettings } | { kind: 'audit-store'; database: string; /** The audit's key ring (AUDIT_STORE_KEYS), to open the entries. */ storeKeys: string };
