import { Test } from '@nestjs/testing';
import type { OpenAPIObject } from '@nestjs/swagger';
import { HealthController } from '@hub/health';
import { MetricsController } from '@hub/metrics';
import { CONSOLE_CONTROLLERS } from '../console-controllers.js';
import { consoleOpenApiDocument } from './console-openapi.js';

/** Where `npm run generate` writes the document, for readers without a running console. */
export const CONSOLE_OPENAPI_FILE = 'docs/api/console.openapi.json';

/** The console's OpenAPI document without PostgreSQL or Kafka: its controllers (and every service's health and metrics) with stand-in dependencies (the document reads only their decorators). */
export const DOCUMENTED_CONTROLLERS = [...CONSOLE_CONTROLLERS, HealthController, MetricsController];

export async function documentConsoleApi(): Promise<OpenAPIObject> {
  const module = await Test.createTestingModule({ controllers: DOCUMENTED_CONTROLLERS })
    .useMocker(() => ({ consoleServices: () => ({}) }))
    .compile();
  const app = module.createNestApplication({ logger: false });
  try {
    return consoleOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
