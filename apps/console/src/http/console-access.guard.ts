import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ConsoleSignIn, mayDo, CONSOLE_ROLE_NAMES } from '@hub/console-users';
import { ErrorCode, HubError } from '@hub/errors';
import { ACCESS_LOGGED, AccessLog } from '@hub/members';
import { CONSOLE_ROUTE, type ConsoleRouteAction, type SignedInRequest } from './console-route.decorator.js';
import { sessionToken } from './session-cookie.js';

const READS = new Set(['GET', 'HEAD']);

/**
 * Every route of the console's API but signing in: a session signed in all the way, its CSRF
 * token on a request that changes something, and a role that may do the route's action. Each
 * decision goes to the access log with the user; a refusal is answered 403 naming the role.
 */
@Injectable()
export class ConsoleAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly signIn: ConsoleSignIn,
    private readonly accessLog: AccessLog,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const route = this.reflector.get<ConsoleRouteAction | undefined>(CONSOLE_ROUTE, context.getHandler());
    if (!route) return true;
    const request = context.switchToHttp().getRequest<Request & SignedInRequest>();
    const token = sessionToken(request);
    if (!token) throw new HubError(ErrorCode.Unauthenticated, '未登录 (not signed in)');
    const csrf = request.headers['x-csrf-token'];
    const { user } = READS.has(request.method) ? await this.signIn.signedIn(token) : await this.signIn.authorise(token, typeof csrf === 'string' ? csrf : undefined);
    const allowed = mayDo(user.role, route.action);
    const role = CONSOLE_ROLE_NAMES[user.role];
    const entry = { member: user.member, user: user.username, action: route.action, resource: request.path, allowed };
    if (!allowed) {
      await this.accessLog.write({ ...entry, reason: `the role ${user.role} may not ${route.action}` }, 'http');
      throw new HubError(ErrorCode.Forbidden, `${role.zh}无权执行此操作 (a ${role.en} may not ${route.action})`, { context: { [ACCESS_LOGGED]: true } });
    }
    if (!route.logsItself) await this.accessLog.write({ ...entry, reason: `the role ${user.role} may ${route.action}` }, 'http');
    request.consoleUser = user;
    return true;
  }
}
