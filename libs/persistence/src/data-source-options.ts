import type { DataSourceOptions } from 'typeorm';
import type { HubEnvironment } from '@hub/config';
import { HUB_MIGRATIONS } from './hub-migrations.js';

export interface DataSourceExtras {
  /** Entity classes of the app; tables come from migrations, never from synchronize. */
  entities?: DataSourceOptions['entities'];
  /** Only for throwaway test databases: build the schema from the entities. */
  synchronize?: boolean;
}

/**
 * PostgreSQL through TypeORM. Migrations are listed here and run by runMigrationsExclusively at
 * start (under a lock, so apps starting together migrate once).
 */
export function dataSourceOptions(env: HubEnvironment, extras: DataSourceExtras = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url: env.DATABASE_URL,
    applicationName: env.SERVICE_NAME,
    entities: extras.entities ?? [],
    migrations: HUB_MIGRATIONS,
    synchronize: extras.synchronize ?? false,
    logging: ['error', 'warn', 'migration'],
    extra: { max: env.DATABASE_POOL_SIZE, connectionTimeoutMillis: 5000 },
  };
}
