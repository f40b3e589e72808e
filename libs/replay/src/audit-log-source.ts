import type { AuditStore } from '@hub/audit';
import type { InboundRecord } from '@hub/messaging';
import type { LogCut, LogSource } from './log-source.js';

const PAGE = 5000;

/** The log as the audit store keeps it: every record of the topics with a broker timestamp up to the moment. */
export function auditLogSource(store: AuditStore): LogSource {
  return {
    name: 'audit-store',
    async read(topics, until, onBatch, onCuts) {
      const chains = (await store.chains()).filter((chain) => topics.includes(chain.topic));
      const cuts: LogCut[] = [];
      let records = 0;
      for (const chain of chains) {
        let after = '-1';
        let first: string | undefined;
        for (;;) {
          const entries = await store.entriesAfter(chain, after, PAGE, until.getTime());
          if (entries.length === 0) break;
          first ??= entries[0]!.offset;
          after = entries.at(-1)!.offset;
          await onBatch(entries.map((entry): InboundRecord => ({ topic: entry.topic, partition: entry.partition, offset: entry.offset, key: entry.key?.toString('utf8') ?? null, value: entry.value, headers: Object.fromEntries(entry.headers), timestamp: entry.timestamp })));
          records += entries.length;
        }
        if (first !== undefined) cuts.push({ ...chain, start: first, end: String(BigInt(after) + 1n) });
      }
      onCuts?.(cuts);
      return { records, cuts };
    },
  };
}
