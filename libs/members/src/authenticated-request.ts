import type { Request } from 'express';
import type { Member } from './member.js';

/** A request the member guard has let through, with the member it belongs to. */
export interface AuthenticatedRequest extends Request {
  member: Member;
}
