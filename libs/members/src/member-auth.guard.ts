import { Injectable, Logger, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import { AccessLog } from './access-log.js';
import type { AuthenticatedRequest } from './authenticated-request.js';
import { MemberDirectory, type Authentication } from './member-directory.js';
import { presentedCredential } from './presented-credential.js';

/**
 * Lets through requests carrying a live API key of a registered member (see presentedCredential
 * for the forms); anything else is 401. Refusals are written to the access log too (best effort:
 * a refusal must not wait for Kafka).
 */
@Injectable()
export class MemberAuthGuard implements CanActivate {
  private readonly logger = new Logger(MemberAuthGuard.name);

  constructor(
    private readonly members: MemberDirectory,
    private readonly accessLog: AccessLog,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const authentication = await this.authenticate(request);
    if (authentication.member) {
      request.member = authentication.member;
      return true;
    }
    const reason = authentication.reason;
    this.accessLog
      .write({ member: authentication.keyId ? `key:${authentication.keyId}` : 'anonymous', action: 'authenticate', resource: `${request.method} ${request.path}`, allowed: false, reason }, 'http')
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'could not write a refused authentication to the access log');
      });
    context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer realm="hub", Basic realm="hub", charset="UTF-8"');
    throw new UnauthorizedException(reason);
  }

  private async authenticate(request: AuthenticatedRequest): Promise<Authentication> {
    const credential = presentedCredential(request.headers);
    if (!credential) return { reason: 'no credential was presented (Authorization: Bearer <key>, or Basic with <member>:<key>)' };
    const authentication = await this.members.authenticate(credential.key);
    if (authentication.member && credential.memberId !== undefined && credential.memberId !== authentication.member.id) {
      return { keyId: authentication.keyId, reason: `the user name "${credential.memberId}" is not the member the API key belongs to` };
    }
    return authentication;
  }
}
