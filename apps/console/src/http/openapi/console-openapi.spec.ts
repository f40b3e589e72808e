import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { findProjectRoot } from '@hub/local-infra';
import { declaredRoutes } from '@hub/platform';
import { CONSOLE_OPENAPI_FILE, CONSOLE_WEB_TYPES_FILE, consoleWebTypes, documentConsoleApi, DOCUMENTED_CONTROLLERS } from './document-console-api.js';

type Operation = { responses: Record<string, { content?: unknown }>; security?: unknown[]; parameters?: { name: string; in: string }[] };

describe('the OpenAPI document of the console', () => {
  let document: OpenAPIObject;
  let operations: { route: string; operation: Operation }[];
  beforeAll(async () => {
    document = await documentConsoleApi();
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods as Record<string, Operation>).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })),
    );
  });

  it('describes exactly the routes its controllers declare: none undocumented, none that is not served', () => {
    const declared = declaredRoutes(DOCUMENTED_CONTROLLERS);
    expect(declared.length).toBeGreaterThan(10);
    expect([...declared].sort()).toEqual(operations.map(({ route }) => route).sort());
  });

  it('asks for the session cookie, names 401, and gives the answer’s schema for every operation of the API but signing in and out', () => {
    const incomplete = operations
      .filter(({ route }) => route.includes(' /api/') && !['POST /api/session', 'DELETE /api/session'].includes(route))
      .filter(
        ({ operation }) =>
          !operation.responses['401'] || !operation.security?.length || !Object.entries(operation.responses).some(([status, response]) => status.startsWith('2') && response.content !== undefined),
      );
    expect(incomplete.map(({ route }) => route)).toEqual([]);
  });

  it('names the X-CSRF-Token header on every change', () => {
    const changes = operations.filter(({ route }) => route.startsWith('POST') && route !== 'POST /api/session');
    expect(changes.filter(({ operation }) => !operation.parameters?.some((p) => p.in === 'header' && p.name === 'X-CSRF-Token')).map(({ route }) => route)).toEqual([]);
  });

  it('refers only to schemas it defines', () => {
    const referenced = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(([, name]) => name);
    expect([...new Set(referenced)].filter((name) => !(name in (document.components?.schemas ?? {})))).toEqual([]);
  });

  it(`is the committed ${CONSOLE_OPENAPI_FILE} (if not: npm run generate)`, () => {
    expect(readFileSync(join(findProjectRoot(), CONSOLE_OPENAPI_FILE), 'utf8')).toBe(`${JSON.stringify(document, null, 2)}\n`);
  });

  it(`gives the web application the types committed in ${CONSOLE_WEB_TYPES_FILE} (if not: npm run generate)`, async () => {
    expect(readFileSync(join(findProjectRoot(), CONSOLE_WEB_TYPES_FILE), 'utf8')).toBe(await consoleWebTypes(document));
  });
});
