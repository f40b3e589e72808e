import type { ChainRecord } from '@hub/audit-chain';
import type { InboundRecord } from '@hub/messaging';
import type { AuditRecordCipher } from './audit-record-cipher.js';
import type { AuditSealer } from './audit-sealer.js';
import type { AuditStore } from './audit-store.js';

const chainRecord = (record: InboundRecord): ChainRecord => ({
  topic: record.topic,
  partition: record.partition,
  offset: record.offset,
  timestamp: record.timestamp,
  key: record.key === null ? null : Buffer.from(record.key, 'utf8'),
  value: record.value,
  headers: Object.entries(record.headers),
});

/** Records one partition's batch in the audit store, sealed under this month's key, and tells the sealer how far the chain now reaches. */
export class AuditRecorder {
  constructor(
    private readonly store: AuditStore,
    private readonly sealer: AuditSealer,
    private readonly cipher: AuditRecordCipher,
  ) {}

  /** Returns how many records were new (a redelivered batch adds none). */
  async record(records: readonly InboundRecord[]): Promise<number> {
    const first = records[0];
    if (!first) return 0;
    const { appended, head } = await this.store.append(await this.cipher.seal(records.map(chainRecord)));
    if (appended > 0 && head) this.sealer.noteHead(first, head);
    return appended;
  }
}
