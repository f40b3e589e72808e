import { Injectable } from '@nestjs/common';
import type { AccessDecision, Caller } from '@hub/access';
import { RegistryError, RegistryErrorCode } from '@hub/contract-registry';
import { AccessLog, type AuthenticatedRequest, type Member } from '@hub/members';

export const callerOf = (member: Member): Caller => ({ member: member.id, role: member.role });

/** A registry request once its caller is known: the member, and the person when it came from the console. */
export interface RegistryRequest extends AuthenticatedRequest {
  consoleUser?: string;
}

/** The decision with the person who asked, where a person asked (from the console). */
export const byPerson = (decision: AccessDecision, request: Pick<RegistryRequest, 'consoleUser'>): AccessDecision =>
  request.consoleUser === undefined ? decision : { ...decision, user: request.consoleUser };

/**
 * Enforces the registry's access decisions: each one, allowed or refused, is written to the access
 * log before the call goes on (a decision that cannot be logged is not acted on), and a refusal is
 * answered 403 with the role it needed, as Confluent's RBAC answers (error code 40301).
 */
@Injectable()
export class RegistryAccess {
  constructor(private readonly accessLog: AccessLog) {}

  async enforce(decision: AccessDecision): Promise<void> {
    await this.log(decision);
    if (!decision.allowed) throw RegistryAccess.refusal(decision);
  }

  log(decision: AccessDecision): Promise<void> {
    return this.accessLog.write(decision, 'http');
  }

  static refusal(decision: AccessDecision): RegistryError {
    return new RegistryError(RegistryErrorCode.Forbidden, `${decision.member} may not ${decision.action} ${decision.resource}: ${decision.reason}.`);
  }
}
