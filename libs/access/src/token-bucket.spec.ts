import { applyToBucket, type BucketOperation, type TokenBucket } from './token-bucket.js';

/** Applies operations in turn to one bucket, as a store would keep it between requests. */
function run(perSecond: number, steps: [BucketOperation, number][]) {
  let bucket: TokenBucket | undefined;
  return steps.map(([operation, at]) => {
    const next = applyToBucket(bucket, perSecond, operation, at);
    bucket = next.bucket;
    return next.decision;
  });
}

const take = (records: number): BucketOperation => ({ kind: 'take', records });

describe('a token bucket of records per second', () => {
  it('lets a member burst up to two seconds of its rate at once', () => {
    expect(run(1000, [[take(2000), 0]])).toEqual([{ allowed: true }]);
  });

  it('refuses what is over the bucket and says how many seconds until it fits', () => {
    expect(
      run(1000, [
        [take(2000), 0],
        [take(1500), 0],
      ])[1],
    ).toEqual({ allowed: false, retryAfterSeconds: 2 });
  });

  it("refills at the member's rate", () => {
    expect(
      run(1000, [
        [take(2000), 0],
        [take(500), 500],
        [take(1), 500],
      ]).slice(1),
    ).toEqual([{ allowed: true }, { allowed: false, retryAfterSeconds: 1 }]);
  });

  it('lets a request larger than the whole burst through on a full bucket, then holds the member until the debt is paid', () => {
    expect(
      run(100, [
        [take(1000), 0],
        [take(1), 0],
      ]),
    ).toEqual([{ allowed: true }, { allowed: false, retryAfterSeconds: 9 }]);
  });

  it('charges what was already served into debt, so the next check waits until the bucket has refilled', () => {
    expect(
      run(1, [
        [{ kind: 'spend', amount: 5 }, 0],
        [{ kind: 'check' }, 0],
        [{ kind: 'check' }, 4_000],
      ]).slice(1),
    ).toEqual([{ allowed: false, retryAfterSeconds: 4 }, { allowed: true }]);
  });

  it('takes nothing on a check', () => {
    expect(
      run(1000, [
        [{ kind: 'check' }, 0],
        [{ kind: 'check' }, 0],
        [take(2000), 0],
      ]),
    ).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
  });

  it("neither refills nor goes back in time on a clock behind the last one that counted (another gateway's)", () => {
    const first = applyToBucket(undefined, 1000, take(2000), 10_000);
    const behind = applyToBucket(first.bucket, 1000, take(1), 9_000);
    expect([behind.decision, behind.bucket.updatedAt]).toEqual([{ allowed: false, retryAfterSeconds: 1 }, 10_000]);
  });
});
