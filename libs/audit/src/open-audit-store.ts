import { openMigratedDataSource } from '@hub/persistence';
import { AuditStore } from './audit-store.js';
import { FindingLineage } from './finding-lineage.js';

/** The audit store on its own connection, for the auditors' tools (`hub audit ...`). */
export async function openAuditStore(databaseUrl: string): Promise<{ store: AuditStore; lineage: FindingLineage; close: () => Promise<void> }> {
  const dataSource = await openMigratedDataSource(databaseUrl);
  return { store: new AuditStore(dataSource), lineage: new FindingLineage(dataSource), close: () => dataSource.destroy() };
}
