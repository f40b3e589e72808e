/** The answer to "may this member send n records now?", with when to try again if not. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Records per second per member, as token buckets: a member may burst up to `burstSeconds` worth
 * of its rate, then is held to the rate. Per process: with several gateway instances behind a
 * balancer each enforces its share. The clock is passed in, so the arithmetic is testable.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly burstSeconds = 2) {}

  take(member: string, recordsPerSecond: number, records: number, nowMs: number): RateDecision {
    const capacity = recordsPerSecond * this.burstSeconds;
    const bucket = this.refilled(member, recordsPerSecond, nowMs);
    // A request larger than the whole burst passes on a full bucket and leaves it in debt, so it is slowed, never refused for ever.
    const needed = Math.min(records, capacity);
    if (bucket.tokens < needed) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((needed - bucket.tokens) / recordsPerSecond)) };
    bucket.tokens -= records;
    return { allowed: true };
  }

  /**
   * Charges what was already served (facts read), into debt if need be: the next check refuses
   * until the bucket has refilled. For reads whose size is known only once they are done.
   */
  spend(member: string, perSecond: number, amount: number, nowMs: number): void {
    this.refilled(member, perSecond, nowMs).tokens -= amount;
  }

  /**
   * Whether the member may send anything now, taking nothing: checked before a body is read, so a
   * member over its rate costs no parsing; the records are taken once they are counted.
   */
  check(member: string, recordsPerSecond: number, nowMs: number): RateDecision {
    const bucket = this.refilled(member, recordsPerSecond, nowMs);
    return bucket.tokens >= 1 ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / recordsPerSecond)) };
  }

  private refilled(member: string, recordsPerSecond: number, nowMs: number): Bucket {
    const capacity = recordsPerSecond * this.burstSeconds;
    const bucket = this.buckets.get(member) ?? { tokens: capacity, updatedAt: nowMs };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((nowMs - bucket.updatedAt) / 1000) * recordsPerSecond);
    bucket.updatedAt = nowMs;
    this.buckets.set(member, bucket);
    return bucket;
  }
}
