import { CsvMappingsController } from './csv-mappings.controller.js';
import { EventsController } from './events.controller.js';
import { FindingsController } from './findings.controller.js';
import { OpenApiController } from './openapi.controller.js';
import { RejectionsController } from './rejections.controller.js';
import { SharedFactsController } from './shared-facts.controller.js';

/** The gateway's REST API, one controller per resource; the OpenAPI document describes exactly their routes (a spec checks it). */
export const HTTP_CONTROLLERS = [EventsController, CsvMappingsController, RejectionsController, FindingsController, SharedFactsController, OpenApiController];
