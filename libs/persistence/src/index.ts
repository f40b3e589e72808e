export { dataSourceOptions, type DataSourceExtras } from './data-source-options.js';
export { claimUnprocessed } from './inbox.js';
export { HUB_MIGRATIONS } from './hub-migrations.js';
export { PersistenceModule } from './persistence.module.js';
export { runMigrationsExclusively } from './run-migrations-exclusively.js';
export { openMigratedDataSource } from './open-migrated-data-source.js';
