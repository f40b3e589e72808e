import { Injectable } from '@nestjs/common';
import { decideRead, type ReadAction } from '@hub/access';
import { ErrorCode, HubError } from '@hub/errors';
import { ACCESS_LOGGED, AccessLog, type Member } from '@hub/members';

/**
 * Decides a read, loads what it covers, and writes the decision with the ids of what is served to
 * the access log before anything is answered: a read that cannot be logged is not served, and a
 * refused one is logged too. `load` gets whose data the read covers (undefined: everyone's, for an
 * auditor who named no member).
 */
@Injectable()
export class ReadAccess {
  constructor(private readonly accessLog: AccessLog) {}

  async read<T>(member: Member, action: ReadAction, requestedMember: string | undefined, load: (target: string | undefined) => Promise<T[]>, idOf: (item: T) => string): Promise<T[]> {
    const target = requestedMember ?? (member.role === 'auditor' ? undefined : member.id);
    const decision = decideRead(member.id, member.role, action, target ?? '*');
    if (!decision.allowed) {
      await this.accessLog.write(decision, 'http');
      throw new HubError(ErrorCode.Forbidden, `${member.id} may not read ${action.replace('read-', '')} of ${target}: ${decision.reason}`, { context: { [ACCESS_LOGGED]: true } });
    }
    const items = await load(target);
    await this.accessLog.write(decision, 'http', items.length, items.map(idOf));
    return items;
  }
}
