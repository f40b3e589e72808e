import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HubEnvironment } from '@hub/config';
import { dataSourceOptions, type DataSourceExtras } from './data-source-options.js';
import { runMigrationsExclusively } from './run-migrations-exclusively.js';

/**
 * The app's PostgreSQL connection, migrated before the app starts. TypeORM closes it at
 * application shutdown, after the consumers stop.
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
            return dataSource;
          },
        }),
      ],
    };
  }
}
