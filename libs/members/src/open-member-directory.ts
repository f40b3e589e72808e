import { openMigratedDataSource, openReadingDataSource } from '@hub/persistence';
import { MemberDirectory } from './member-directory.js';

/**
 * The member directory on its own connection, for operator tools (the `hub members` command), as
 * `hub_operator`: it changes members and keys, never the schema, so it does not migrate and refuses
 * a database behind this version (`hub db migrate` is the owner's). `migrate` is for the tools that
 * set up a fresh database as its owner first (the tests' and benchmarks' own hubs).
 */
export async function openMemberDirectory(databaseUrl: string, { migrate = false }: { migrate?: boolean } = {}): Promise<{ members: MemberDirectory; close: () => Promise<void> }> {
  const dataSource = migrate ? await openMigratedDataSource(databaseUrl) : await openReadingDataSource(databaseUrl);
  return { members: new MemberDirectory(dataSource), close: () => dataSource.destroy() };
}
