import '@hub/runtime';
import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { findProjectRoot } from '@hub/local-infra';
import { CONSOLE_OPENAPI_FILE, documentConsoleApi } from './http/openapi/document-console-api.js';

/** `npm run generate`: writes the console's OpenAPI document. A spec fails while it is stale. */
const path = join(findProjectRoot(), CONSOLE_OPENAPI_FILE);
await mkdir(dirname(path), { recursive: true });
await writeFile(path, `${JSON.stringify(await documentConsoleApi(), null, 2)}\n`);
process.stdout.write(`wrote ${CONSOLE_OPENAPI_FILE}\n`);
