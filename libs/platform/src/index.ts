export { ServicePlatformModule, type ServicePlatformOptions } from './service-platform.module.js';
