export { dataSourceOptions, type DataSourceExtras } from './data-source-options.js';
export { claimUnprocessed } from './inbox.js';
export { HUB_MIGRATIONS } from './hub-migrations.js';
export { PersistenceModule } from './persistence.module.js';
export { runMigrationsExclusively } from './run-migrations-exclusively.js';
export { openMigratedDataSource, openReadingDataSource } from './open-data-source.js';
export { DATABASE_OWNER_ROLE, grantServiceRoles, provisionDatabaseRoles, roleDatabaseUrl, SERVICE_ROLES, type ServiceRole, type ServiceRoleName } from './database-roles.js';
export { isTransactionConflict, retryingConflicts } from './retrying-conflicts.js';
export { databaseUnavailable } from './database-unavailable.js';
