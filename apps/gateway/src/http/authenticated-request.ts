import type { Request } from 'express';
import type { Member } from '@hub/gateway';

/** A request the API key guard has let through, with the member it belongs to. */
export interface AuthenticatedRequest extends Request {
  member: Member;
}
