import { DataSource } from 'typeorm';
import { HubEnvironment, loadConfig } from '@hub/config';
import { dataSourceOptions } from './data-source-options.js';
import { runMigrationsExclusively } from './run-migrations-exclusively.js';

/** A small connection pool to the hub's database, migrated, for tools that run outside an app (the `hub` command). */
export async function openMigratedDataSource(databaseUrl: string): Promise<DataSource> {
  const env = loadConfig(HubEnvironment, { DATABASE_URL: databaseUrl, SERVICE_NAME: 'hub-cli', DATABASE_POOL_SIZE: '3' });
  const dataSource = await new DataSource(dataSourceOptions(env)).initialize();
  await runMigrationsExclusively(dataSource);
  return dataSource;
}
