import '@hub/runtime';
import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { findProjectRoot } from '@hub/local-infra';
import { CONSOLE_OPENAPI_FILE, CONSOLE_WEB_TYPES_FILE, consoleWebTypes, documentConsoleApi } from './http/openapi/document-console-api.js';

/** `npm run generate`: writes the console's OpenAPI document and the web application's types from it. Specs fail while either is stale. */
const document = await documentConsoleApi();
for (const [file, text] of [
  [CONSOLE_OPENAPI_FILE, `${JSON.stringify(document, null, 2)}\n`],
  [CONSOLE_WEB_TYPES_FILE, await consoleWebTypes(document)],
] as const) {
  const path = join(findProjectRoot(), file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  process.stdout.write(`wrote ${file}\n`);
}
