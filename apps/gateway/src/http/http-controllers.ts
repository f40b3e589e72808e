import { BulkLoadsController } from './bulk-loads.controller.js';
import { CsvMappingsController } from './csv-mappings.controller.js';
import { EventsController } from './events.controller.js';
import { FindingsController } from './findings.controller.js';
import { RejectionsController } from './rejections.controller.js';
import { SharedFactsController } from './shared-facts.controller.js';

/** The gateway's REST API, one controller per resource; the OpenAPI document is generated from them (openapi/gateway-openapi.ts). */
export const HTTP_CONTROLLERS = [EventsController, CsvMappingsController, RejectionsController, FindingsController, SharedFactsController, BulkLoadsController];
