export { dataSourceOptions, type DataSourceExtras } from './data-source-options.js';
export { HUB_MIGRATIONS } from './hub-migrations.js';
export { claimUnprocessed } from './inbox.js';
export { PersistenceModule } from './persistence.module.js';
