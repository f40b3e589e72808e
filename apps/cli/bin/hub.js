#!/usr/bin/env node
// The `hub` command runs the built CLI; npm start, npm test and npm run build build it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';

const main = new URL('../../../dist/apps/cli/src/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('hub: the CLI is not built yet; run `npm run build` in the repository first.\n');
  process.exit(2);
}

// A replay holds the whole history in memory: a full region's needs more than Node's default heap
// (about 4 GiB), and near that limit the collector takes most of the time. So `hub replay` runs with
// up to three quarters of the machine's memory, unless --max-old-space-size is given in NODE_OPTIONS.
// Almost all it allocates stays (the state grows to the end), so the collector is also told not to
// trace the whole heap again before it reaches half that size, and to use larger young spaces:
// the full region's replay took 7 min 25 s instead of 8 min 40 s here (24 GB), at the same peak RSS.
const replayHeapMiB = Math.floor((totalmem() / 2 ** 20) * 0.75);
const replayHeapOptions = [`--max-old-space-size=${replayHeapMiB}`, `--initial-old-space-size=${Math.floor(replayHeapMiB / 2)}`, '--max-semi-space-size=64'];
const heapChosen = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((option) => option.startsWith('--max-old-space-size'));
if (process.argv[2] === 'replay' && !heapChosen && replayHeapMiB > getHeapStatistics().heap_size_limit / 2 ** 20) {
  const child = spawn(process.execPath, [...replayHeapOptions, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  const forwarded = ['SIGINT', 'SIGTERM'];
  for (const signal of forwarded) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (signal === null) process.exit(code ?? 1);
    forwarded.forEach((name) => process.removeAllListeners(name));
    process.kill(process.pid, signal);
  });
} else {
  await import(main.href);
}
