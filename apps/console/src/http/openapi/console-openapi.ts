import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../session-cookie.js';

/**
 * The console's API as OpenAPI 3.1, generated from its controllers' decorators and the schema
 * classes in console.schemas.ts: served at /api/openapi.json, written to docs/api/console.openapi.json
 * by `npm run generate` (a spec fails while that copy is stale).
 */
export function consoleOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Data-sharing hub: console API')
    .setVersion('1.0.0')
    .setDescription(
      'The API of the web console for people (department officers, auditors, integration engineers, data stewards, security administrators). A person signs in (password, then a new password or the authenticator as the session stage says) and is then known by the HttpOnly session cookie; every change carries the session’s X-CSRF-Token; every action goes to the access log with the user. Messages are Chinese first, English in brackets.',
    )
    .addServer('http://127.0.0.1:8082')
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /api/session; HttpOnly, SameSite=Strict.' }, 'session')
    .build();
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` });
}

/** Serves the document at /api/openapi.json, without the Swagger UI. */
export function serveConsoleOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/openapi', app, consoleOpenApiDocument(app), { ui: false, raw: ['json'], jsonDocumentUrl: 'api/openapi.json' });
}
