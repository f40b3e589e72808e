import { backoffAfter } from './retry-policy.js';

describe('backoffAfter', () => {
  const policy = { maxAttempts: 5, initialBackoffMs: 100, maxBackoffMs: 1000 };

  it('doubles the wait after each failed attempt', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffAfter(policy, attempt))).toEqual([100, 200, 400, 800]);
  });

  it('never waits longer than the cap', () => {
    expect(backoffAfter(policy, 10)).toBe(1000);
  });
});
