import { parentPort, workerData } from 'node:worker_threads';
import { HubError } from '@hub/errors';
import { openLogSource } from './open-log-source.js';
import { replaySlices } from './replay-slices.js';
import type { SliceMessage, SliceWork } from './slice-work.js';

// Slices of a replay, in a thread of their own: it opens its own source and reports to the thread that started it.
const PROGRESS_EVERY_MS = 250;
const work = workerData as SliceWork;
const post = (message: SliceMessage) => {
  parentPort!.postMessage(message);
};
const source = await openLogSource(work.source);
try {
  let lastPosted = 0;
  const outcome = await replaySlices({
    ...work,
    source,
    asOf: new Date(work.asOf),
    onProgress: (phase, done, total) => {
      const now = Date.now();
      if (now - lastPosted < PROGRESS_EVERY_MS && done !== total) return;
      lastPosted = now;
      post({ kind: 'progress', phase, done, total });
    },
  });
  post({ kind: 'done', outcome });
} catch (error) {
  const failure =
    error instanceof HubError ? { code: error.code, message: error.message, context: error.context } : { message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  post({ kind: 'failed', ...failure });
} finally {
  await source.close();
}
