import type { RateDecision } from '@hub/access';
import { ErrorCode, HubError } from '@hub/errors';
import type { Member } from '@hub/members';

/** 429 with Retry-After when the member is over its records-per-second rate. */
export function refuseOverRate(member: Member, rate: RateDecision): void {
  if (rate.allowed) return;
  throw new HubError(ErrorCode.RateLimited, `${member.id} may publish ${member.recordsPerSecond} records per second; retry in ${rate.retryAfterSeconds} s`, {
    context: { retryAfterSeconds: rate.retryAfterSeconds },
  });
}
