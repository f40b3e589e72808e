import { openReadingDataSource } from '@hub/persistence';
import { AuditStore } from './audit-store.js';
import { FindingLineage } from './finding-lineage.js';

/** The audit store on its own connection, for the auditors' tools (`hub audit ...`, replay from the store): reading only, never migrating. */
export async function openAuditStore(databaseUrl: string): Promise<{ store: AuditStore; lineage: FindingLineage; close: () => Promise<void> }> {
  const dataSource = await openReadingDataSource(databaseUrl);
  return { store: new AuditStore(dataSource), lineage: new FindingLineage(dataSource), close: () => dataSource.destroy() };
}
