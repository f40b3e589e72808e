import type { DataSource } from 'typeorm';
import { openReadingDataSource } from '@hub/persistence';
import type { VersionedKeyRing } from '@hub/privacy';
import { AuditPeriodKeys } from './audit-period-keys.js';
import { AuditRecordCipher } from './audit-record-cipher.js';
import { AuditStore } from './audit-store.js';
import { FindingLineage } from './finding-lineage.js';

/**
 * The audit store on its own connection, for the auditors' tools (`hub audit verify`): reading
 * only, never migrating. Verifying needs no key: the chains hash what is stored, sealed.
 */
export async function openAuditStore(databaseUrl: string): Promise<{ store: AuditStore; close: () => Promise<void> }> {
  const dataSource = await openReadingDataSource(databaseUrl);
  return { store: new AuditStore(dataSource), close: () => dataSource.destroy() };
}

/** The audit store with the audit's key ring, to read what it recorded (`hub audit lineage`, replay from the store). */
export async function openAuditReader(
  databaseUrl: string,
  storeKeys: VersionedKeyRing,
): Promise<{ store: AuditStore; records: AuditRecordCipher; lineage: FindingLineage; periods: AuditPeriodKeys; dataSource: DataSource; close: () => Promise<void> }> {
  const dataSource = await openReadingDataSource(databaseUrl);
  const periods = new AuditPeriodKeys(dataSource, storeKeys);
  const records = new AuditRecordCipher(periods);
  return { store: new AuditStore(dataSource), records, lineage: new FindingLineage(dataSource, records), periods, dataSource, close: () => dataSource.destroy() };
}
