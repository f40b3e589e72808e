import { DataSource } from 'typeorm';
import { HubEnvironment, loadConfig } from '@hub/config';
import { dataSourceOptions, runMigrationsExclusively } from '@hub/persistence';
import { MemberDirectory } from './member-directory.js';

/** The member directory on its own connection, for operator tools (the `hub members` command). */
export async function openMemberDirectory(databaseUrl: string): Promise<{ members: MemberDirectory; close: () => Promise<void> }> {
  const env = loadConfig(HubEnvironment, { DATABASE_URL: databaseUrl, SERVICE_NAME: 'hub-cli', DATABASE_POOL_SIZE: '2' });
  const dataSource = await new DataSource(dataSourceOptions(env)).initialize();
  await runMigrationsExclusively(dataSource);
  return { members: new MemberDirectory(dataSource), close: () => dataSource.destroy() };
}
