import '@hub/runtime';
import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { findProjectRoot } from '@hub/local-infra';
import { documentGatewayApi, OPENAPI_DOCUMENT_FILE, openApiDocumentText } from './http/openapi/document-gateway-api.js';
import { HUB_CLIENT_TYPES_FILE, hubClientTypes } from './http/openapi/hub-client-types.js';

/** `npm run generate`: writes the gateway's OpenAPI document and the hub client's types generated from it. Specs fail while either is stale. */
const document = await documentGatewayApi();
for (const [file, text] of [
  [OPENAPI_DOCUMENT_FILE, openApiDocumentText(document)],
  [HUB_CLIENT_TYPES_FILE, await hubClientTypes(document)],
] as const) {
  const path = join(findProjectRoot(), file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  process.stdout.write(`wrote ${file}\n`);
}
