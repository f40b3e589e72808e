/** How often and how patiently a consumer retries a failing record before dead-lettering it. */
export interface RetryPolicy {
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

/** Exponential backoff: the wait after the given failed attempt (1-based), capped. */
export function backoffAfter(policy: RetryPolicy, failedAttempt: number): number {
  return Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** (failedAttempt - 1));
}
