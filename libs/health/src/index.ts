export { HealthModule } from './health.module.js';
export { HealthController } from './health.controller.js';
