import { Test } from '@nestjs/testing';
import type { OpenAPIObject } from '@nestjs/swagger';
import { CONSOLE_CONTROLLERS } from '../console-controllers.js';
import { consoleOpenApiDocument } from './console-openapi.js';

/** Where `npm run generate` writes the document, for readers without a running console. */
export const CONSOLE_OPENAPI_FILE = 'docs/api/console.openapi.json';

/** The console's OpenAPI document without PostgreSQL or Kafka: its controllers with stand-in dependencies (the document reads only their decorators). */
export async function documentConsoleApi(): Promise<OpenAPIObject> {
  const module = await Test.createTestingModule({ controllers: [...CONSOLE_CONTROLLERS] })
    .useMocker(() => ({ consoleServices: () => ({}) }))
    .compile();
  const app = module.createNestApplication({ logger: false });
  try {
    return consoleOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
