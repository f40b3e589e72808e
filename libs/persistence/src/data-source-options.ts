import type { DataSourceOptions } from 'typeorm';
import type { HubEnvironment } from '@hub/config';
import { HUB_MIGRATIONS } from './hub-migrations.js';

export interface DataSourceExtras {
  /** Entity classes of the app; tables come from migrations, never from synchronize. */
  entities?: DataSourceOptions['entities'];
  /** Only for throwaway test databases: build the schema from the entities. */
  synchronize?: boolean;
}

/** PostgreSQL through TypeORM; the hub's migrations run on start, so a new database is ready at once. */
export function dataSourceOptions(env: HubEnvironment, extras: DataSourceExtras = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url: env.DATABASE_URL,
    applicationName: env.SERVICE_NAME,
    entities: extras.entities ?? [],
    migrations: HUB_MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: extras.synchronize ?? false,
    logging: ['error', 'warn', 'migration'],
    extra: { max: env.DATABASE_POOL_SIZE, connectionTimeoutMillis: 5000 },
  };
}
