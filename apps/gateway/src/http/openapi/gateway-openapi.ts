import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/**
 * The gateway's HTTP API as OpenAPI 3.1, generated from its controllers' decorators and the schema
 * classes beside them: served at /openapi.json, written to docs/api/gateway.openapi.json by
 * `npm run generate` (a spec fails while that copy is stale), and the hub client's types come from it.
 */
export function gatewayOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Data-sharing hub: department gateway')
    .setVersion('1.0.0')
    .setDescription(
      'How department systems publish records to the hub and read what routes to them. Every request carries an API key. Resident identity numbers are pseudonymised at this gateway; they never leave it in the clear.',
    )
    .addServer('http://127.0.0.1:8080')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'hub_<key id>_<secret>', description: 'Authorization: Bearer hub_<key id>_<secret> (or the X-Api-Key header).' }, 'apiKey')
    .addBasicAuth({ type: 'http', scheme: 'basic', description: 'HTTP Basic with the member id as user name and its API key as password.' }, 'memberBasic')
    .build();
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` });
}

/** Serves the document at /openapi.json, without the Swagger UI (nothing to load from outside the hub). */
export function serveGatewayOpenApi(app: INestApplication): void {
  const document = gatewayOpenApiDocument(app);
  SwaggerModule.setup('openapi', app, document, { ui: false, raw: ['json'], jsonDocumentUrl: 'openapi.json' });
}
