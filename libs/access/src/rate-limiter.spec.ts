import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('lets a member burst up to two seconds of its rate at once', () => {
    const limiter = new RateLimiter(2);
    expect(limiter.take('education', 1000, 2000, 0)).toEqual({ allowed: true });
  });

  it('refuses what is over the bucket and says how many seconds until it fits', () => {
    const limiter = new RateLimiter(2);
    limiter.take('education', 1000, 2000, 0);
    expect(limiter.take('education', 1000, 1500, 0)).toEqual({ allowed: false, retryAfterSeconds: 2 });
  });

  it("refills at the member's rate", () => {
    const limiter = new RateLimiter(2);
    limiter.take('education', 1000, 2000, 0);
    expect(limiter.take('education', 1000, 500, 500)).toEqual({ allowed: true });
    expect(limiter.take('education', 1000, 1, 500)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("keeps each member's bucket apart", () => {
    const limiter = new RateLimiter(2);
    limiter.take('education', 1000, 2000, 0);
    expect(limiter.take('civil-affairs', 1000, 2000, 0)).toEqual({ allowed: true });
  });

  it('lets a request larger than the whole burst through on a full bucket, then holds the member until the debt is paid', () => {
    const limiter = new RateLimiter(2);
    expect(limiter.take('education', 100, 1000, 0)).toEqual({ allowed: true });
    expect(limiter.take('education', 100, 1, 0)).toEqual({ allowed: false, retryAfterSeconds: 9 });
  });

  it('charges what was already served into debt, so the next check waits until the bucket has refilled', () => {
    const limiter = new RateLimiter();
    limiter.spend('education/facts', 1, 5, 0);
    expect(limiter.check('education/facts', 1, 0)).toEqual({ allowed: false, retryAfterSeconds: 4 });
    expect(limiter.check('education/facts', 1, 4_000)).toEqual({ allowed: true });
  });
});
