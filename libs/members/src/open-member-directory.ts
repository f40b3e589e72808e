import { openMigratedDataSource } from '@hub/persistence';
import { MemberDirectory } from './member-directory.js';

/** The member directory on its own connection, for operator tools (the `hub members` command). */
export async function openMemberDirectory(databaseUrl: string): Promise<{ members: MemberDirectory; close: () => Promise<void> }> {
  const dataSource = await openMigratedDataSource(databaseUrl);
  return { members: new MemberDirectory(dataSource), close: () => dataSource.destroy() };
}
