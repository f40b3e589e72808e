import type { ChainRecord } from '@hub/audit-chain';
import type { AuditPeriodKeys } from './audit-period-keys.js';
import { findingReferences } from './finding-references.js';

/** How a stored entry's key and value are sealed. */
export interface StoredSealing {
  /** The month whose key sealed key and value; null for an entry recorded in the clear (before sealing began). */
  sealedPeriod: string | null;
}

/** A record as the audit store keeps it: key and value sealed under its month's key, with the findings it names. */
export interface SealedRecord extends ChainRecord, StoredSealing {
  findingReferences: string[] | null;
}

/** What opening a stored entry reads: its place (bound to each field) and its sealed fields. */
export type StoredFields = Pick<ChainRecord, 'topic' | 'partition' | 'offset' | 'key' | 'value'> & StoredSealing;

/** A recorded entry's key and value opened, or, when its month's key was destroyed, left out (null) with the month named. */
export type OpenedRecord<T extends StoredFields> = T & { expired?: { period: string } };

/** Each field is bound to its place in the log, so a sealed value moved to another entry or field no longer opens. */
const context = (record: Pick<ChainRecord, 'topic' | 'partition' | 'offset'>, field: 'key' | 'value') => `audit/${record.topic}/${record.partition}@${record.offset}/${field}`;

/**
 * Seals records' keys and values as the audit store keeps them, and opens them for its readers
 * (lineage, replay). What the chain hashes is what is stored, the sealed bytes: destroying a
 * month's key leaves its entries unreadable and every chain still verifiable. Headers stay in the
 * clear: CloudEvents attributes the gateway has checked for identity numbers, and the lineage's
 * look-up by event id.
 */
export class AuditRecordCipher {
  constructor(
    private readonly keys: AuditPeriodKeys,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async seal(records: readonly ChainRecord[]): Promise<SealedRecord[]> {
    const { period, cipher } = await this.keys.sealingCipher(this.clock());
    return records.map((record) => ({
      ...record,
      key: record.key === null ? null : cipher.sealBytes(record.key, context(record, 'key')),
      value: record.value === null ? null : cipher.sealBytes(record.value, context(record, 'value')),
      sealedPeriod: period,
      findingReferences: findingReferences(record.value),
    }));
  }

  /** @throws SealedDataError when an entry does not open under its month's key (it was altered, or moved). */
  async open<T extends StoredFields>(entries: readonly T[]): Promise<OpenedRecord<T>[]> {
    const ciphers = await this.keys.openingCiphers(entries.flatMap((entry) => (entry.sealedPeriod === null ? [] : [entry.sealedPeriod])));
    return entries.map((entry) => {
      if (entry.sealedPeriod === null) return entry;
      const cipher = ciphers.get(entry.sealedPeriod);
      if (!cipher) return { ...entry, key: null, value: null, expired: { period: entry.sealedPeriod } };
      return {
        ...entry,
        key: entry.key === null ? null : cipher.openBytes(entry.key, context(entry, 'key')),
        value: entry.value === null ? null : cipher.openBytes(entry.value, context(entry, 'value')),
      };
    });
  }
}
