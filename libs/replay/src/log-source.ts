import type { InboundRecord, LogCut } from '@hub/messaging';

export type { LogCut };

/**
 * Where a replay reads the log: the Kafka topics themselves, or the audit store (which keeps every
 * record after the topics' retention has dropped it). Either gives each partition's records in
 * offset order, a batch at a time, up to a moment.
 */
export interface LogSource {
  readonly name: 'kafka' | 'audit-store';
  read(topics: readonly string[], until: Date, onBatch: (records: InboundRecord[]) => Promise<void>, onCuts?: (cuts: readonly LogCut[]) => void): Promise<{ records: number; cuts: LogCut[] }>;
}
