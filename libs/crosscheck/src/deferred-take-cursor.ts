import type { DeferredTake } from './deferred-take.js';
import { JUDGING_LOCK_BUCKETS } from './judging-locks.js';

/**
 * One taker's way through the judging-lock buckets of deferred persons: each take goes on after the
 * last bucket the one before took, and asks for as many buckets as should hold about `personsATake`
 * persons, by how many the buckets of the one before held (at most twice or half as many, so that
 * the end of the buckets, which holds few, does not make the next take huge). Once a take finds
 * none after its place, the taker goes round from the first bucket, where buckets another
 * transaction held when it passed may have persons left; when that finds none too, it is done.
 */
export class DeferredTakeCursor {
  private after = -1;
  private buckets = 1;

  constructor(private readonly personsATake: number) {}

  /** The next take's buckets. */
  get next(): DeferredTake {
    return { after: this.after, buckets: this.buckets };
  }

  /** Moves on past what the last take got; false once there is nothing left to take. */
  moveOn(taken: { persons: number; lastBucket?: number }): boolean {
    if (taken.lastBucket === undefined) {
      if (this.after < 0) return false;
      this.after = -1;
      return true;
    }
    this.after = taken.lastBucket;
    const scaled = Math.round((this.buckets * this.personsATake) / Math.max(taken.persons, 1));
    this.buckets = Math.min(Math.max(scaled, Math.ceil(this.buckets / 2)), this.buckets * 2, JUDGING_LOCK_BUCKETS);
    return true;
  }
}
