/**
 * Which judging-lock buckets one take of deferred persons may take: up to `buckets` of those after
 * `after` that have persons left and that no other transaction holds.
 */
export interface DeferredTake {
  after: number;
  buckets: number;
}

/** What a take of deferred persons got: the persons, and the last bucket it took (none when it took none). */
export interface DeferredTaken {
  persons: string[];
  lastBucket?: number;
}
