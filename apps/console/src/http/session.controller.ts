import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ConsoleAction } from '@hub/access';
import { ConsoleSignIn, permissionsOf, type SessionView } from '@hub/console-users';
import { ErrorCode, HubError } from '@hub/errors';
import { AccessLog } from '@hub/members';
import { ConsoleEnvironment } from '../console-environment.js';
import { clearSessionCookie, sessionToken, setSessionCookie } from './session-cookie.js';

/** A session as the console's pages read it: with what its role may do, so they show only the pages it opens. */
type SessionAnswer = SessionView & { permissions: readonly ConsoleAction[] };
const answer = (session: SessionView): SessionAnswer => ({ ...session, permissions: permissionsOf(session.role) });

const text = (value: unknown, what: string): string => {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) throw new HubError(ErrorCode.BadRequest, `${what} must be a string of 1 to 200 characters`);
  return value;
};

/**
 * Signing in and out of the console: POST /api/session with the user name and password; then, as
 * the session's `stage` says, a new password (POST /api/session/password) and the authenticator's
 * code (POST /api/session/second-factor). Every attempt, allowed or refused, goes to the access
 * log with the user. Changes carry the session's X-CSRF-Token.
 */
@Controller('api/session')
export class SessionController {
  private readonly secure: boolean;

  constructor(
    private readonly signIn: ConsoleSignIn,
    private readonly accessLog: AccessLog,
    @Inject(ConsoleEnvironment) env: ConsoleEnvironment,
  ) {
    this.secure = env.CONSOLE_SECURE_COOKIE ?? env.NODE_ENV === 'production';
  }

  @Post()
  @HttpCode(200)
  async start(@Body() body: { username?: unknown; password?: unknown } | undefined, @Res({ passthrough: true }) response: Response): Promise<SessionAnswer> {
    const username = text(body?.username, 'username');
    try {
      const started = await this.signIn.signIn(username, text(body?.password, 'password'));
      await this.log(started.session.member, username, true, `password accepted; ${started.session.stage}`);
      setSessionCookie(response, started.token, this.secure);
      return answer(started.session);
    } catch (error) {
      if (error instanceof HubError && error.code === ErrorCode.Unauthenticated) await this.log('-', username, false, error.message);
      throw error;
    }
  }

  @Get()
  async current(@Req() request: Request): Promise<SessionAnswer> {
    return answer(await this.signIn.session(this.token(request)));
  }

  @Post('password')
  @HttpCode(200)
  async changePassword(
    @Req() request: Request,
    @Body() body: { currentPassword?: unknown; newPassword?: unknown } | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionAnswer> {
    const started = await this.signIn.changePassword(this.token(request), this.csrf(request), text(body?.currentPassword, 'currentPassword'), text(body?.newPassword, 'newPassword'));
    await this.log(started.session.member, started.session.username, true, `password changed; ${started.session.stage}`);
    setSessionCookie(response, started.token, this.secure);
    return answer(started.session);
  }

  @Post('second-factor')
  @HttpCode(200)
  async secondFactor(@Req() request: Request, @Body() body: { code?: unknown } | undefined): Promise<SessionAnswer> {
    const token = this.token(request);
    const before = await this.signIn.session(token);
    try {
      const session = await this.signIn.secondFactor(token, this.csrf(request), text(body?.code, 'code'));
      await this.log(session.member, session.username, true, before.stage === 'enrol-second-factor' ? 'authenticator enrolled' : 'second factor accepted');
      return answer(session);
    } catch (error) {
      if (error instanceof HubError && error.code === ErrorCode.Unauthenticated) await this.log(before.member, before.username, false, error.message);
      throw error;
    }
  }

  @Delete()
  @HttpCode(204)
  async end(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const token = sessionToken(request);
    if (token) await this.signIn.signOut(token);
    clearSessionCookie(response, this.secure);
  }

  private token(request: Request): string {
    const token = sessionToken(request);
    if (!token) throw new HubError(ErrorCode.Unauthenticated, '未登录 (not signed in)');
    return token;
  }

  private csrf(request: Request): string | undefined {
    const header = request.headers['x-csrf-token'];
    return typeof header === 'string' ? header : undefined;
  }

  private log(member: string, user: string, allowed: boolean, reason: string): Promise<void> {
    return this.accessLog.write({ member, user, action: 'console-sign-in', resource: 'console', allowed, reason }, 'http');
  }
}
