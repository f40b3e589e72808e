import { Worker } from 'node:worker_threads';
import { ErrorCode, HubError } from '@hub/errors';
import type { ReplayPhase, SliceOutcome } from './replay-slices.js';
import type { SliceMessage, SliceWork } from './slice-work.js';

/**
 * Runs each work in a worker thread of its own, at once: slices share nothing, so a machine's cores
 * each take some, and each worker's heap holds only its slice of the moment. The first failure ends
 * them all.
 */
export async function runSliceWorkers(works: readonly SliceWork[], onProgress: (worker: number, phase: ReplayPhase, done: number, total?: number) => void): Promise<SliceOutcome[]> {
  const workers = works.map((work) => new Worker(new URL('./slice-worker.js', import.meta.url), { workerData: work }));
  try {
    return await Promise.all(
      workers.map((worker, index) =>
        outcomeOf(worker, works[index], (phase, done, total) => {
          onProgress(index, phase, done, total);
        }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function outcomeOf(worker: Worker, work: SliceWork, onProgress: (phase: ReplayPhase, done: number, total?: number) => void): Promise<SliceOutcome> {
  const name = `the replay worker of slices ${work.slices.slices.map((slice) => slice + 1).join(', ')} (of ${work.slices.of})`;
  return new Promise((resolve, reject) => {
    worker.on('message', (message: SliceMessage) => {
      if (message.kind === 'progress') onProgress(message.phase, message.done, message.total);
      else if (message.kind === 'done') resolve(message.outcome);
      else reject(new HubError(message.code ?? ErrorCode.ReplayWorkerFailed, `${name}: ${message.message}`, { context: { ...message.context, slices: work.slices.slices } }));
    });
    worker.on('error', (error: Error) => {
      reject(new HubError(ErrorCode.ReplayWorkerFailed, `${name} failed: ${error.message}`, { context: { slices: work.slices.slices }, cause: error }));
    });
    worker.on('exit', (code) => {
      reject(new HubError(ErrorCode.ReplayWorkerFailed, `${name} stopped (exit code ${code}) before it finished`, { context: { slices: work.slices.slices, code } }));
    });
  });
}
