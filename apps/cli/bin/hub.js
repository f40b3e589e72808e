#!/usr/bin/env node
// The `hub` command runs the built CLI; npm start, npm test and npm run build build it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../../../dist/apps/cli/src/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('hub: the CLI is not built yet; run `npm run build` in the repository first.\n');
  process.exit(2);
}
await import(main.href);
