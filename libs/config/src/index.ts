export { ConfigError, type ConfigProblem } from './config-error.js';
export { HubConfigModule } from './hub-config.module.js';
export { HubEnvironment, LOG_LEVELS } from './hub-environment.js';
export { loadConfig } from './load-config.js';
export { serviceVersion } from './service-version.js';
export { IsKeyRing } from './key-ring-setting.js';
export { startProcess } from './start-process.js';
export { KafkaPrincipalEnvironment } from './kafka-principal-environment.js';
