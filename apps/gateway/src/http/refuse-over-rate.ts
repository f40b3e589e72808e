import type { RateDecision } from '@hub/access';
import { ErrorCode, HubError } from '@hub/errors';
import type { Member } from '@hub/members';

/** 429 with Retry-After when the member is over its rate: records published per second, or (`what`) another limit. */
export function refuseOverRate(member: Member, rate: RateDecision, what = `publish ${member.recordsPerSecond} records per second`): void {
  if (rate.allowed) return;
  throw new HubError(ErrorCode.RateLimited, `${member.id} may ${what}; retry in ${rate.retryAfterSeconds} s`, {
    context: { retryAfterSeconds: rate.retryAfterSeconds },
  });
}
