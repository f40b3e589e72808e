/**
 * A worker thread that verifies its share of the audit's chains on its own connection (the
 * verification runs a walker per core: hashing is most of its work). It is given a ChainWalkOrder
 * and reports ChainWalkMessages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { ChainVerifier, type Checkpoint } from '@hub/audit-chain';
import { streamChainEntries } from './chain-entry-stream.js';
import type { ChainJob, ChainOutcome, ChainWalkMessage, ChainWalkOrder } from './chain-walk.js';

/** Progress is reported every this many entries, not every page. */
const REPORT_EVERY = 2000;

// Buffers cross threads as plain Uint8Arrays.
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const revived = (checkpoint: Checkpoint): Checkpoint => ({ ...checkpoint, headHash: asBuffer(checkpoint.headHash), signature: asBuffer(checkpoint.signature) });

const order = workerData as ChainWalkOrder;
const report = (message: ChainWalkMessage) => parentPort!.postMessage(message);
const client = new pg.Client({ connectionString: order.databaseUrl, application_name: 'hub-audit-verify' });

async function walk(job: ChainJob): Promise<ChainOutcome> {
  const checkpoints = job.checkpoints.map(revived);
  const verifier = new ChainVerifier(job.topic, job.partition, checkpoints, order.trustedKeys);
  let entries = 0;
  let unreported = 0;
  // After a break the rest of the chain is read but not looked at: a stream is not left half read.
  for await (const page of streamChainEntries(client, job, job.upToOffset)) {
    if (!verifier.broken) for (const entry of page) if (verifier.add(entry)) break;
    entries += page.length;
    unreported += page.length;
    if (unreported >= REPORT_EVERY) {
      report({ kind: 'progress', entries: unreported });
      unreported = 0;
    }
  }
  if (unreported > 0) report({ kind: 'progress', entries: unreported });
  const broken = verifier.finish();
  return { entries, checkpoints: checkpoints.length, unsealed: broken ? 0 : verifier.verified - (checkpoints.at(-1)?.entries ?? 0), ...(broken ? { broken } : {}) };
}

await client.connect();
try {
  for (const job of order.jobs) report({ kind: 'chain', index: job.index, outcome: await walk(job) });
} finally {
  await client.end();
}
