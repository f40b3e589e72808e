import { Injectable } from '@nestjs/common';
import { decideRead, type AccessAction } from '@hub/access';
import { ErrorCode, HubError } from '@hub/errors';
import { AccessLog, type Member } from '@hub/gateway';

/**
 * Decides a read and writes the decision to the access log before anything is answered: a read
 * that cannot be logged is not served. Returns whose data the read covers (undefined: everyone's,
 * for an auditor who named no member).
 */
@Injectable()
export class ReadAccess {
  constructor(private readonly accessLog: AccessLog) {}

  async authorise(member: Member, action: Exclude<AccessAction, 'authenticate' | 'publish'>, requestedMember: string | undefined): Promise<string | undefined> {
    const target = requestedMember ?? (member.role === 'auditor' ? undefined : member.id);
    const decision = decideRead(member.id, member.role, action, target ?? '*');
    await this.accessLog.write(decision, 'http');
    if (!decision.allowed) throw new HubError(ErrorCode.Forbidden, `${member.id} may not read ${action.replace('read-', '')} of ${target}: ${decision.reason}`);
    return target;
  }
}
