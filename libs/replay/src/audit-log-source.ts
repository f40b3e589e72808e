import { openAuditReader } from '@hub/audit';
import type { InboundRecord } from '@hub/messaging';
import { VersionedKeyRing } from '@hub/privacy';
import type { LogSource } from './log-source.js';

const PAGE = 5000;

/**
 * The log as the audit store keeps it, cut at a moment as Kafka cuts it: each chain up to its first
 * entry the broker wrote after then. Entries are opened with the audit's key ring; those of months
 * whose key was destroyed (retention) are left out, and counted by `expiredWithin`.
 */
export async function auditLogSource(database: string, storeKeys: string): Promise<LogSource> {
  const audit = await openAuditReader(database, VersionedKeyRing.parse(storeKeys));
  return {
    name: 'audit-store',
    cutsAt: (topics, until) => audit.store.cutsAt(topics, until.getTime()),
    expiredWithin: (cuts) => audit.store.expiredWithin(cuts),
    async read(cuts, onBatch, keep) {
      let records = 0;
      for (const cut of cuts) {
        let after = String(BigInt(cut.start) - 1n);
        for (;;) {
          const entries = await audit.store.entriesBetween(cut, after, cut.end, PAGE);
          if (entries.length === 0) break;
          after = entries.at(-1)!.offset;
          const kept = (await audit.records.open(entries))
            .filter((entry) => !entry.expired && (!keep || keep(entry.key, 0, entry.key?.length ?? 0)))
            .map((entry): InboundRecord => ({
              topic: entry.topic,
              partition: entry.partition,
              offset: entry.offset,
              key: entry.key?.toString('utf8') ?? null,
              value: entry.value,
              headers: Object.fromEntries(entry.headers),
              timestamp: entry.timestamp,
            }));
          if (kept.length > 0) await onBatch(kept);
          records += kept.length;
        }
      }
      return records;
    },
    close: () => audit.close(),
  };
}
