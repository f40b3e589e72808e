import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ConsoleAction, RegistryAction } from '@hub/access';
import { RegistryError, RegistryErrorCode } from '@hub/contract-registry';
import { ConsoleSignIn, mayDo } from '@hub/console-users';
import { ErrorCode, HubError } from '@hub/errors';
import { AccessLog, MemberAuthGuard, MemberDirectory } from '@hub/members';
import { REGISTRY_ACTION, type RegistryRouteAction } from './registry-action.decorator.js';
import { RegistryAccess, type RegistryRequest } from './registry-access.js';

/** The header the console passes a person's session token in, with their CSRF token in X-CSRF-Token. */
export const CONSOLE_SESSION_HEADER = 'x-console-session';

/** What a person may ask of the registry from the console, and the console permission each needs; every other route wants a member's key. */
const CONSOLE_PERMISSION: Partial<Record<RegistryAction, ConsoleAction>> = { 'register-contract': 'register-contract', 'change-lifecycle': 'change-lifecycle' };

const header = (request: RegistryRequest, name: string) => (typeof request.headers[name] === 'string' ? request.headers[name] : undefined);

/**
 * Who calls the registry: a member's system by its API key (MemberAuthGuard), or a person from the
 * console by their session (signed in all the way, the session's CSRF token, not idle), checked
 * here against the console's own sessions, never taken on the console's word. A person acts as
 * their member, so the registry decides the change as for any of the member's calls, and the
 * access log names the person beside the member.
 */
@Injectable()
export class RegistryCallerGuard implements CanActivate {
  private readonly memberAuth: MemberAuthGuard;

  constructor(
    private readonly reflector: Reflector,
    private readonly signIn: ConsoleSignIn,
    private readonly members: MemberDirectory,
    private readonly access: RegistryAccess,
    accessLog: AccessLog,
  ) {
    this.memberAuth = new MemberAuthGuard(members, accessLog);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RegistryRequest>();
    const token = header(request, CONSOLE_SESSION_HEADER);
    if (token === undefined) return this.memberAuth.canActivate(context);
    const { user } = await this.signIn.authorise(token, header(request, 'x-csrf-token')).catch((error: unknown) => {
      throw error instanceof HubError ? new RegistryError(error.code === ErrorCode.Forbidden ? RegistryErrorCode.Forbidden : RegistryErrorCode.Unauthenticated, error.message) : error;
    });
    const route = this.reflector.get<RegistryRouteAction | undefined>(REGISTRY_ACTION, context.getHandler());
    const needed = route && CONSOLE_PERMISSION[route.action];
    const resource = typeof request.params['subject'] === 'string' ? request.params['subject'] : `${request.method} ${request.path}`;
    if (needed === undefined || !mayDo(user.role, needed)) {
      await this.access.enforce({
        member: user.member,
        user: user.username,
        action: route?.action ?? 'authenticate',
        resource,
        allowed: false,
        reason: needed === undefined ? 'a person may only register contracts and change their lifecycle from the console' : `the role ${user.role} may not ${needed}`,
      });
    }
    const member = await this.members.get(user.member);
    if (!member) throw new RegistryError(RegistryErrorCode.Unauthenticated, `the member ${user.member} of ${user.username} is not a member of the hub`);
    request.member = member;
    request.consoleUser = user.username;
    return true;
  }
}
