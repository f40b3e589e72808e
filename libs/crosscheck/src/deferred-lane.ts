/**
 * One of `lanes` takers of deferred persons side by side: it takes only persons whose judging-lock
 * bucket is in the `lane`-th of `lanes` equal ranges of buckets. Without lanes, two takers in bucket
 * order share the bucket that one take's limit splits, so the second waits on the first's judging
 * lock until it commits, and the takers run one after the other.
 */
export interface DeferredLane {
  lane: number;
  lanes: number;
}
