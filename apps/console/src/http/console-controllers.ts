import { AuditController } from './audit.controller.js';
import { CatalogueController } from './catalogue.controller.js';
import { FindingsController } from './findings.controller.js';
import { OperationsController } from './operations.controller.js';
import { ReplayController } from './replay.controller.js';
import { SessionController } from './session.controller.js';

/** The console API's controllers: the module serves them, the OpenAPI document describes them. */
export const CONSOLE_CONTROLLERS = [SessionController, FindingsController, AuditController, ReplayController, CatalogueController, OperationsController];
