import { Test } from '@nestjs/testing';
import type { OpenAPIObject } from '@nestjs/swagger';
import { HealthController } from '@hub/health';
import { MetricsController } from '@hub/metrics';
import { HTTP_CONTROLLERS } from '../http-controllers.js';
import { gatewayOpenApiDocument } from './gateway-openapi.js';

/** Where `npm run generate` writes the document, for readers without a running gateway. */
export const OPENAPI_DOCUMENT_FILE = 'docs/api/gateway.openapi.json';

export const openApiDocumentText = (document: OpenAPIObject): string => `${JSON.stringify(document, null, 2)}\n`;

/**
 * The gateway's OpenAPI document without Kafka or PostgreSQL: its HTTP controllers in a module
 * whose every dependency is a stand-in (the document reads only their decorators), so
 * `npm run generate` and the staleness spec need no infrastructure. The running gateway builds the
 * same document from the same controllers.
 */
export async function documentGatewayApi(): Promise<OpenAPIObject> {
  const module = await Test.createTestingModule({ controllers: [...HTTP_CONTROLLERS, HealthController, MetricsController] })
    .useMocker(() => ({}))
    .compile();
  const app = module.createNestApplication({ logger: false });
  try {
    return gatewayOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
