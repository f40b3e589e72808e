import { openMigratedDataSource } from '@hub/persistence';
import { AuditStore } from './audit-store.js';

/** The audit store on its own connection, for the auditors' tools (`hub audit ...`). */
export async function openAuditStore(databaseUrl: string): Promise<{ store: AuditStore; close: () => Promise<void> }> {
  const dataSource = await openMigratedDataSource(databaseUrl);
  return { store: new AuditStore(dataSource), close: () => dataSource.destroy() };
}
