import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { HubEnvironment, loadConfig } from '@hub/config';
import { dataSourceOptions, runMigrationsExclusively } from '@hub/persistence';

/**
 * A schema of its own in the hub's database, with the hub's tables, for one replay: the engine
 * writes its facts and findings there and nowhere else, and the schema is dropped afterwards.
 */
export async function openReplaySandbox(databaseUrl: string): Promise<{ dataSource: DataSource; schema: string; drop: () => Promise<void> }> {
  const schema = `replay_${randomBytes(6).toString('hex')}`;
  const env = loadConfig(HubEnvironment, { DATABASE_URL: databaseUrl, SERVICE_NAME: 'hub-replay', DATABASE_POOL_SIZE: '3' });
  const admin = await new DataSource(dataSourceOptions(env)).initialize();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const dataSource = await new DataSource(dataSourceOptions(env, { searchPath: schema })).initialize();
  const drop = async () => {
    await dataSource.destroy();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.destroy();
  };
  try {
    await runMigrationsExclusively(dataSource);
  } catch (error) {
    await drop();
    throw error;
  }
  return { dataSource, schema, drop };
}
