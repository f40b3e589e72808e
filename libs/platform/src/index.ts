export { ServicePlatformModule, type ServicePlatformOptions } from './service-platform.module.js';
export { cursor, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, page, pageSize, type Page } from './paging.js';
export { ApiPaging, PageCursor } from './paging.parameters.js';
export { declaredRoutes } from './declared-routes.js';
export { openApiSchemaTypes } from './openapi-schema-types.js';
