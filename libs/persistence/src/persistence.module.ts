import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HubEnvironment } from '@hub/config';
import { watchPool, type PoolState } from '@hub/metrics';
import { dataSourceOptions, type DataSourceExtras } from './data-source-options.js';
import { runMigrationsExclusively } from './run-migrations-exclusively.js';

/**
 * The app's PostgreSQL connection, migrated before the app starts. TypeORM closes it at
 * application shutdown, after the consumers stop. Its pool is in hub_database_pool_connections.
 */
@Module({})
export class PersistenceModule {
  static forRoot(extras: DataSourceExtras = {}): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [HubEnvironment],
          useFactory: (env: HubEnvironment) => ({ ...dataSourceOptions(env, extras), retryAttempts: 3, retryDelay: 1000 }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            await runMigrationsExclusively(dataSource);
            // The pg Pool behind TypeORM's driver, read at each scrape of /metrics.
            watchPool('main', () => (dataSource.isInitialized ? (dataSource.driver as unknown as { master?: PoolState }).master : undefined));
            return dataSource;
          },
        }),
      ],
    };
  }
}
