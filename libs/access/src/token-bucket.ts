/** The answer to "may this member send n records now?", with when to try again if not. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A member's bucket: tokens left (negative: in debt), and when they were counted (ms since the epoch). */
export interface TokenBucket {
  tokens: number;
  updatedAt: number;
}

/**
 * What a request does to a bucket: `take` records it publishes (refused if they do not fit),
 * `check` whether anything fits before a body is read (taking nothing), `spend` what was already
 * served, into debt if need be (for reads whose size is known only once they are done).
 */
export type BucketOperation = { kind: 'take'; records: number } | { kind: 'check' } | { kind: 'spend'; amount: number };

/** Seconds of its rate a member may send at once. */
export const BURST_SECONDS = 2;

/**
 * Records per second as a token bucket: a member may burst up to `BURST_SECONDS` worth of its rate,
 * then is held to the rate. Pure: the bucket and the clock are passed in, so one arithmetic serves
 * whichever store keeps the buckets (PostgreSQL, shared by every gateway instance).
 */
export function applyToBucket(
  kept: TokenBucket | undefined,
  perSecond: number,
  operation: BucketOperation,
  nowMs: number,
  burstSeconds = BURST_SECONDS,
): { bucket: TokenBucket; decision: RateDecision } {
  const capacity = perSecond * burstSeconds;
  // A clock behind the one that counted last (another gateway's) adds nothing, and takes nothing back.
  const tokens = kept ? Math.min(capacity, kept.tokens + (Math.max(0, nowMs - kept.updatedAt) / 1000) * perSecond) : capacity;
  const bucket = { tokens, updatedAt: Math.max(nowMs, kept?.updatedAt ?? nowMs) };
  const refuse = (needed: number): RateDecision => ({ allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((needed - tokens) / perSecond)) });
  switch (operation.kind) {
    case 'check':
      return { bucket, decision: tokens >= 1 ? { allowed: true } : refuse(1) };
    case 'spend':
      return { bucket: { ...bucket, tokens: tokens - operation.amount }, decision: { allowed: true } };
    case 'take': {
      // A request larger than the whole burst passes on a full bucket and leaves it in debt, so it is slowed, never refused for ever.
      const needed = Math.min(operation.records, capacity);
      if (tokens < needed) return { bucket, decision: refuse(needed) };
      return { bucket: { ...bucket, tokens: tokens - operation.records }, decision: { allowed: true } };
    }
  }
}
