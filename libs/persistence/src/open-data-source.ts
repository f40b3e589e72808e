import { DataSource } from 'typeorm';
import { HubEnvironment, loadConfig } from '@hub/config';
import { ErrorCode, HubError } from '@hub/errors';
import { dataSourceOptions } from './data-source-options.js';
import { runMigrationsExclusively } from './run-migrations-exclusively.js';

async function open(databaseUrl: string): Promise<DataSource> {
  const env = loadConfig(HubEnvironment, { DATABASE_URL: databaseUrl, SERVICE_NAME: 'hub-cli', DATABASE_POOL_SIZE: '3' });
  return new DataSource(dataSourceOptions(env)).initialize();
}

/** A small connection pool to the hub's database, migrated, for tools that change it outside an app (`hub members`, `hub db migrate`). */
export async function openMigratedDataSource(databaseUrl: string): Promise<DataSource> {
  const dataSource = await open(databaseUrl);
  await runMigrationsExclusively(dataSource);
  return dataSource;
}

/**
 * A small connection pool for tools that only read (`hub audit verify`, `hub audit lineage`,
 * `hub replay --source audit`): it never migrates, so it works with a read-only role, and it
 * refuses a database whose schema is behind this version of the hub instead of misreading it.
 */
export async function openReadingDataSource(databaseUrl: string): Promise<DataSource> {
  const dataSource = await open(databaseUrl);
  try {
    if (await dataSource.showMigrations()) {
      throw new HubError(
        ErrorCode.ConfigInvalid,
        "the hub's database has migrations this version needs and has not run; start the hub, or run `npx hub db migrate` as the database owner, then try again",
      );
    }
    return dataSource;
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
