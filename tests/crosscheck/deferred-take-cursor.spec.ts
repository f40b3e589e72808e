/** Issue 25: each taker of deferred persons walks the judging-lock buckets on from its last take, about the same number of persons a take. */
import { DeferredTakeCursor } from '@hub/crosscheck';

describe('the way a taker of deferred persons walks the judging-lock buckets', () => {
  it('starts before the first bucket, one bucket at a time', () => {
    expect(new DeferredTakeCursor(2000).next).toEqual({ after: -1, buckets: 1 });
  });

  it('goes on after the last bucket the take before took', () => {
    const cursor = new DeferredTakeCursor(2000);
    cursor.moveOn({ persons: 100, lastBucket: 7 });
    expect(cursor.next.after).toBe(7);
  });

  it('settles on as many buckets as hold about the persons a take wants, doubling at most each take', () => {
    const cursor = new DeferredTakeCursor(2000);
    const asked: number[] = [];
    for (let take = 0; take < 7; take++) {
      const { after, buckets } = cursor.next;
      asked.push(buckets);
      cursor.moveOn({ persons: buckets * 100, lastBucket: after + buckets });
    }
    expect(asked).toEqual([1, 2, 4, 8, 16, 20, 20]);
  });

  it('halves at most each take, when the buckets held far more persons than wanted', () => {
    const cursor = new DeferredTakeCursor(2000);
    for (let take = 0; take < 5; take++) cursor.moveOn({ persons: cursor.next.buckets * 100, lastBucket: 100 + take });
    expect(cursor.next.buckets).toBe(20);
    cursor.moveOn({ persons: 40_000, lastBucket: 200 });
    expect(cursor.next.buckets).toBe(10);
  });

  it('goes round from the first bucket once nothing is left after its place, and is done when nothing is left there either', () => {
    const cursor = new DeferredTakeCursor(2000);
    cursor.moveOn({ persons: 5, lastBucket: 900 });
    expect(cursor.moveOn({ persons: 0 })).toBe(true);
    expect(cursor.next.after).toBe(-1);
    expect(cursor.moveOn({ persons: 0 })).toBe(false);
  });

  it('is done at once when the first take finds nothing', () => {
    expect(new DeferredTakeCursor(2000).moveOn({ persons: 0 })).toBe(false);
  });
});
