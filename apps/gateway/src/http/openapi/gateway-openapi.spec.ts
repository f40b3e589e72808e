import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { HealthController } from '@hub/health';
import { MetricsController } from '@hub/metrics';
import { findProjectRoot } from '@hub/local-infra';
import { declaredRoutes } from '@hub/platform';
import { HTTP_CONTROLLERS } from '../http-controllers.js';
import { documentGatewayApi, OPENAPI_DOCUMENT_FILE, openApiDocumentText } from './document-gateway-api.js';
import { HUB_CLIENT_TYPES_FILE, hubClientTypes } from './hub-client-types.js';

const committed = (file: string) => readFileSync(join(findProjectRoot(), file), 'utf8');

describe('the OpenAPI document of the gateway', () => {
  let document: OpenAPIObject;
  beforeAll(async () => {
    document = await documentGatewayApi();
  });

  it('describes exactly the routes its controllers declare: none undocumented, none that is not served', () => {
    const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    const declared = declaredRoutes([...HTTP_CONTROLLERS, HealthController, MetricsController]);
    expect(declared.length).toBeGreaterThan(5);
    expect([...declared].sort()).toEqual([...documented].sort());
  });

  it('names, for every operation of a member, the refusals it may answer and the schema of its answer', () => {
    const memberOperations = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/v1/'))
      .flatMap(([path, methods]) =>
        Object.entries(methods as Record<string, { responses: Record<string, { content?: unknown }>; security?: unknown[] }>).map(([method, operation]) => ({ route: `${method} ${path}`, operation })),
      );
    const incomplete = memberOperations.filter(
      ({ operation }) =>
        !operation.responses['401'] || !Object.entries(operation.responses).some(([status, response]) => status.startsWith('2') && response.content !== undefined) || !operation.security?.length,
    );
    expect(incomplete.map(({ route }) => route)).toEqual([]);
  });

  it('refers only to schemas it defines', () => {
    const referenced = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(([, name]) => name);
    expect(referenced.length).toBeGreaterThan(10);
    expect([...new Set(referenced)].filter((name) => !(name in (document.components?.schemas ?? {})))).toEqual([]);
  });

  it(`is the committed ${OPENAPI_DOCUMENT_FILE} (if not: npm run generate)`, () => {
    expect(committed(OPENAPI_DOCUMENT_FILE)).toBe(openApiDocumentText(document));
  });

  it(`gives the hub client the types committed in ${HUB_CLIENT_TYPES_FILE} (if not: npm run generate)`, async () => {
    expect(committed(HUB_CLIENT_TYPES_FILE)).toBe(await hubClientTypes(document));
  });
});
