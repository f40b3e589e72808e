import { HubError } from '@hub/errors';
import { backoffAfter, type RetryPolicy } from './retry-policy.js';

/** What processing a batch needs from the consumer that holds it. */
export interface BatchWork<R> {
  records: readonly R[];
  /** Applies the records; the handler makes this atomic or idempotent over what it is given. */
  apply(records: readonly R[]): Promise<void>;
  deadLetter(record: R, error: HubError, attempts: number): Promise<void>;
  /** Called while waiting between attempts, to keep the consumer's group membership. */
  heartbeat(): Promise<void>;
  /**
   * True once these records must not be retried here any more (shutdown, partition revoked). A first
   * attempt always runs, so the batch in hand is finished; abandoned records are delivered again.
   */
  isAbandoned(): boolean;
  sleep(ms: number): Promise<void>;
}

export type BatchOutcome = { status: 'completed'; deadLettered: number } | { status: 'abandoned' };

type AttemptResult = { status: 'applied' } | { status: 'abandoned' } | { status: 'failed'; error: HubError; attempts: number };

async function applyWithRetries<R>(work: BatchWork<R>, records: readonly R[], policy: RetryPolicy): Promise<AttemptResult> {
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1 && work.isAbandoned()) return { status: 'abandoned' };
    try {
      await work.apply(records);
      return { status: 'applied' };
    } catch (thrown) {
      const error = HubError.from(thrown);
      if (!error.canRetry || attempt >= policy.maxAttempts) return { status: 'failed', error, attempts: attempt };
      await work.heartbeat();
      await work.sleep(backoffAfter(policy, attempt));
    }
  }
}

/**
 * Applies records one at a time; a record that keeps failing, or fails for good, goes to the
 * dead-letter topic and the rest carry on.
 */
export async function processOneByOne<R>(work: BatchWork<R>, policy: RetryPolicy): Promise<BatchOutcome> {
  let deadLettered = 0;
  for (const record of work.records) {
    const result = await applyWithRetries(work, [record], policy);
    if (result.status === 'abandoned') return result;
    if (result.status === 'failed') {
      await work.deadLetter(record, result.error, result.attempts);
      deadLettered++;
    }
  }
  return { status: 'completed', deadLettered };
}

/**
 * Applies the whole batch at once, for throughput. If the batch keeps failing, it falls back to
 * one record at a time to find the records at fault, so one bad record never blocks the others.
 */
export async function processAsBatch<R>(work: BatchWork<R>, policy: RetryPolicy): Promise<BatchOutcome> {
  if (work.records.length === 0) return { status: 'completed', deadLettered: 0 };
  const result = await applyWithRetries(work, work.records, policy);
  if (result.status === 'applied') return { status: 'completed', deadLettered: 0 };
  if (result.status === 'abandoned') return result;
  if (work.records.length === 1) {
    await work.deadLetter(work.records[0], result.error, result.attempts);
    return { status: 'completed', deadLettered: 1 };
  }
  return processOneByOne(work, policy);
}
