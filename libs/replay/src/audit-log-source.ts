import { openAuditStore } from '@hub/audit';
import type { InboundRecord } from '@hub/messaging';
import type { LogSource } from './log-source.js';

const PAGE = 5000;

/** The log as the audit store keeps it, cut at a moment as Kafka cuts it: each chain up to its first entry the broker wrote after then. */
export async function auditLogSource(database: string): Promise<LogSource> {
  const audit = await openAuditStore(database);
  return {
    name: 'audit-store',
    cutsAt: (topics, until) => audit.store.cutsAt(topics, until.getTime()),
    async read(cuts, onBatch, keep) {
      let records = 0;
      for (const cut of cuts) {
        let after = String(BigInt(cut.start) - 1n);
        for (;;) {
          const entries = await audit.store.entriesBetween(cut, after, cut.end, PAGE);
          if (entries.length === 0) break;
          after = entries.at(-1)!.offset;
          const kept = entries
            .filter((entry) => !keep || keep(entry.key, 0, entry.key?.length ?? 0))
            .map((entry): InboundRecord => ({ topic: entry.topic, partition: entry.partition, offset: entry.offset, key: entry.key?.toString('utf8') ?? null, value: entry.value, headers: Object.fromEntries(entry.headers), timestamp: entry.timestamp }));
          if (kept.length > 0) await onBatch(kept);
          records += kept.length;
        }
      }
      return records;
    },
    close: () => audit.close(),
  };
}
