import { ErrorCode, HubError } from '@hub/errors';
import { processAsBatch, processOneByOne, type BatchWork } from './batch-processor.js';

const policy = { maxAttempts: 3, initialBackoffMs: 10, maxBackoffMs: 40 };

interface Trace {
  applied: string[][];
  deadLettered: { record: string; code: string; attempts: number }[];
  sleeps: number[];
  heartbeats: number;
}

/** A batch whose apply fails for the records `failing` says, as often as it says. */
function work(records: string[], failing: (inHand: readonly string[], call: number) => HubError | undefined, abandoned = () => false) {
  const trace: Trace = { applied: [], deadLettered: [], sleeps: [], heartbeats: 0 };
  let calls = 0;
  const batch: BatchWork<string> = {
    records,
    apply: async (inHand) => {
      const error = failing(inHand, ++calls);
      if (error) throw error;
      trace.applied.push([...inHand]);
    },
    deadLetter: async (record, error, attempts) => {
      trace.deadLettered.push({ record, code: error.code, attempts });
    },
    heartbeat: async () => {
      trace.heartbeats++;
    },
    isAbandoned: abandoned,
    sleep: async (ms) => {
      trace.sleeps.push(ms);
    },
  };
  return { batch, trace };
}

const transient = () => new HubError(ErrorCode.HandlerFailed, 'database busy', { canRetry: true });
const permanent = () => new HubError(ErrorCode.RecordRejected, 'bad record', { canRetry: false });

describe('processAsBatch', () => {
  it('applies a healthy batch in one call', async () => {
    const { batch, trace } = work(['a', 'b', 'c'], () => undefined);
    expect(await processAsBatch(batch, policy)).toEqual({ status: 'completed', deadLettered: 0 });
    expect(trace.applied).toEqual([['a', 'b', 'c']]);
  });

  it('retries a transient failure with backoff and heartbeats in between', async () => {
    const { batch, trace } = work(['a', 'b'], (_, call) => (call <= 2 ? transient() : undefined));
    expect(await processAsBatch(batch, policy)).toEqual({ status: 'completed', deadLettered: 0 });
    expect(trace.sleeps).toEqual([10, 20]);
    expect(trace.heartbeats).toBe(2);
    expect(trace.applied).toEqual([['a', 'b']]);
  });

  it('isolates the record at fault and dead-letters only it, after the configured attempts', async () => {
    const { batch, trace } = work(['a', 'poison', 'c'], (inHand) => (inHand.includes('poison') ? transient() : undefined));
    expect(await processAsBatch(batch, policy)).toEqual({ status: 'completed', deadLettered: 1 });
    expect(trace.applied).toEqual([['a'], ['c']]);
    expect(trace.deadLettered).toEqual([{ record: 'poison', code: 'HANDLER_FAILED', attempts: 3 }]);
  });

  it('does not retry a failure that cannot succeed on retry', async () => {
    const { batch, trace } = work(['bad'], () => permanent());
    expect(await processAsBatch(batch, policy)).toEqual({ status: 'completed', deadLettered: 1 });
    expect(trace.deadLettered).toEqual([{ record: 'bad', code: 'RECORD_REJECTED', attempts: 1 }]);
    expect(trace.sleeps).toEqual([]);
  });

  it('abandons retries once the records are no longer ours, without dead-lettering them', async () => {
    let revoked = false;
    const { batch, trace } = work(
      ['a'],
      () => {
        revoked = true;
        return transient();
      },
      () => revoked,
    );
    expect(await processAsBatch(batch, policy)).toEqual({ status: 'abandoned' });
    expect(trace.deadLettered).toEqual([]);
  });

  it('finishes the first attempt of a batch in hand even when shutdown has begun', async () => {
    const { batch, trace } = work(
      ['a', 'b'],
      () => undefined,
      () => true,
    );
    expect(await processAsBatch(batch, policy)).toEqual({ status: 'completed', deadLettered: 0 });
    expect(trace.applied).toEqual([['a', 'b']]);
  });

  it('does nothing for an empty batch', async () => {
    const { batch, trace } = work([], () => undefined);
    expect(await processAsBatch(batch, policy)).toEqual({ status: 'completed', deadLettered: 0 });
    expect(trace.applied).toEqual([]);
  });
});

describe('processOneByOne', () => {
  it('applies records one at a time, in order', async () => {
    const { batch, trace } = work(['a', 'b'], () => undefined);
    await processOneByOne(batch, policy);
    expect(trace.applied).toEqual([['a'], ['b']]);
  });

  it('wraps an unknown thrown value as a retryable handler failure', async () => {
    const { batch, trace } = work(['x'], () => new Error('boom') as unknown as HubError);
    await processOneByOne(batch, policy);
    expect(trace.deadLettered).toEqual([{ record: 'x', code: 'HANDLER_FAILED', attempts: 3 }]);
  });
});
