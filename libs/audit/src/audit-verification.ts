import type { KeyObject } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { chainName, type ChainBreak } from '@hub/audit-chain';
import { ErrorCode, HubError } from '@hub/errors';
import type { ChainJob, ChainOutcome, ChainWalkMessage, ChainWalkOrder } from './chain-walk.js';
import { openAuditStore } from './open-audit-store.js';

export interface AuditVerification {
  chains: number;
  entries: number;
  checkpoints: number;
  /** Entries after their chain's last checkpoint: chained, but not yet sealed. */
  unsealedEntries: number;
  /** The first break of each broken chain, in chain order; empty when the store is intact. */
  breaks: ChainBreak[];
}

export interface VerificationProgress {
  entriesDone: number;
  entriesTotal: number;
}

export interface VerificationOptions {
  onProgress?: (progress: VerificationProgress) => void;
  /** Walkers (worker threads, each with its own connection); by default one per core. */
  walkers?: number;
}

/** Deals the chains out to the walkers, largest first, each to the walker with the fewest entries so far. */
function dealOut(jobs: readonly ChainJob[], sizeOf: (job: ChainJob) => number, walkers: number): ChainJob[][] {
  const shares = Array.from({ length: walkers }, () => ({ jobs: [] as ChainJob[], entries: 0 }));
  for (const job of [...jobs].sort((a, b) => sizeOf(b) - sizeOf(a))) {
    const lightest = shares.reduce((min, share) => (share.entries < min.entries ? share : min));
    lightest.jobs.push(job);
    lightest.entries += sizeOf(job);
  }
  return shares.map((share) => share.jobs).filter((share) => share.length > 0);
}

/** Runs one walker over its share; resolves when it has reported every chain of it. */
function walkInWorker(order: ChainWalkOrder, onMessage: (message: ChainWalkMessage) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./chain-walk.worker.js', import.meta.url), { workerData: order });
    let reported = 0;
    worker.on('message', (message: ChainWalkMessage) => {
      if (message.kind === 'chain') reported++;
      onMessage(message);
    });
    worker.once('error', (error) => reject(new HubError(ErrorCode.UnexpectedDatabaseResponse, `verifying the audit chains failed: ${error.message}`, { cause: error })));
    worker.once('exit', (code) => {
      if (reported === order.jobs.length) resolve();
      else reject(new HubError(ErrorCode.UnexpectedDatabaseResponse, `a verifying thread stopped (exit code ${code}) after ${reported} of its ${order.jobs.length} chains`));
    });
  });
}

/**
 * Walks every chain of the audit store as far as it reached when the walk began (the audit may go
 * on appending meanwhile), recomputing each hash and checking each checkpoint against the trusted
 * keys. A broken chain is reported at its first break and the walk goes on with the other chains.
 * The chains are dealt out to a walker per core, each streaming its chains from PostgreSQL on its
 * own connection: hashing is most of the work.
 */
export async function verifyAuditStore(databaseUrl: string, trustedKeys: readonly KeyObject[], options: VerificationOptions = {}): Promise<AuditVerification> {
  const { store, close } = await openAuditStore(databaseUrl);
  let jobs: ChainJob[];
  let entriesTotal: number;
  let sizeOf: (job: ChainJob) => number;
  try {
    const chains = await store.chains();
    // Checkpoints first, then the heads: every checkpoint read seals entries the head reaches, unless they were removed.
    const checkpoints = await store.checkpoints();
    const heads = await store.heads();
    jobs = chains.map((chain, index) => {
      const name = chainName(chain.topic, chain.partition);
      return { ...chain, index, upToOffset: heads.get(name)?.lastOffset ?? '-1', checkpoints: checkpoints.get(name) ?? [] };
    });
    entriesTotal = [...heads.values()].reduce((sum, head) => sum + head.entries, 0);
    sizeOf = (job) => heads.get(chainName(job.topic, job.partition))?.entries ?? 0;
  } finally {
    await close();
  }

  const outcomes: ChainOutcome[] = [];
  let entriesDone = 0;
  const shares = dealOut(jobs, sizeOf, options.walkers ?? availableParallelism());
  await Promise.all(
    shares.map((share) =>
      walkInWorker({ databaseUrl, trustedKeys: [...trustedKeys], jobs: share }, (message) => {
        if (message.kind === 'chain') outcomes[message.index] = message.outcome;
        else {
          entriesDone += message.entries;
          options.onProgress?.({ entriesDone, entriesTotal });
        }
      }),
    ),
  );
  return {
    chains: jobs.length,
    entries: outcomes.reduce((sum, o) => sum + o.entries, 0),
    checkpoints: outcomes.reduce((sum, o) => sum + o.checkpoints, 0),
    unsealedEntries: outcomes.reduce((sum, o) => sum + o.unsealed, 0),
    breaks: outcomes.flatMap((o) => (o.broken ? [o.broken] : [])),
  };
}
