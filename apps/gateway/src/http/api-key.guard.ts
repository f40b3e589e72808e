import { Injectable, Logger, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { AccessLog, MemberDirectory } from '@hub/gateway';
import type { AuthenticatedRequest } from './authenticated-request.js';

/** The presented API key: `Authorization: Bearer <key>`, or `X-Api-Key: <key>`. */
function presentedKey(request: AuthenticatedRequest): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const header = request.headers['x-api-key'];
  return bearer ?? (typeof header === 'string' ? header : undefined);
}

/**
 * Lets through requests carrying a live API key of a registered member; anything else is 401.
 * Refusals are written to the access log too (best effort: a refusal must not wait for Kafka).
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger(ApiKeyGuard.name);

  constructor(
    private readonly members: MemberDirectory,
    private readonly accessLog: AccessLog,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const presented = presentedKey(request);
    const authentication = presented ? await this.members.authenticate(presented) : { reason: 'no API key was presented (Authorization: Bearer <key>)' };
    if (authentication.member) {
      request.member = authentication.member;
      return true;
    }
    const reason = authentication.reason;
    this.accessLog
      .write({ member: authentication.keyId ? `key:${authentication.keyId}` : 'anonymous', action: 'authenticate', resource: `${request.method} ${request.path}`, allowed: false, reason }, 'http')
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not write a refused authentication to the access log'));
    throw new UnauthorizedException(reason);
  }
}
