import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ConsoleSignIn } from '@hub/console-users';
import { ErrorCode, HubError } from '@hub/errors';
import { AccessLog } from '@hub/members';
import { ConsoleEnvironment } from '../console-environment.js';
import { ApiConsoleProblems, ConsoleSessionSchema, PasswordChangeSchema, SecondFactorCodeSchema, SignInRequestSchema } from './openapi/console.schemas.js';
import { answer, type SessionAnswer } from './session-answer.js';
import { clearSessionCookie, sessionToken, setSessionCookie } from './session-cookie.js';

const CSRF = ApiHeader({ name: 'X-CSRF-Token', required: true, description: "The session's csrfToken." });

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
@ApiTags('session')
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
  @ApiOperation({ summary: 'Sign in with the user name and password: sets the session cookie; stage says what comes next (a new password, the second factor)' })
  @ApiBody({ type: SignInRequestSchema })
  @ApiOkResponse({ type: ConsoleSessionSchema })
  @ApiConsoleProblems(400, 401)
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
  @ApiCookieAuth('session')
  @ApiOperation({ summary: "The session's user, stage, CSRF token and what the role may do" })
  @ApiOkResponse({ type: ConsoleSessionSchema })
  @ApiConsoleProblems(401)
  async current(@Req() request: Request): Promise<SessionAnswer> {
    return answer(await this.signIn.session(this.token(request)));
  }

  @Post('password')
  @HttpCode(200)
  @ApiCookieAuth('session')
  @CSRF
  @ApiOperation({ summary: 'A password of the user’s own (required after a first or reset one): every other session of theirs ends' })
  @ApiBody({ type: PasswordChangeSchema })
  @ApiOkResponse({ type: ConsoleSessionSchema })
  @ApiConsoleProblems(400, 401, 403)
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
  @ApiCookieAuth('session')
  @CSRF
  @ApiOperation({ summary: "The authenticator's code: finishes signing in, or enrols the authenticator at the first sign-in" })
  @ApiBody({ type: SecondFactorCodeSchema })
  @ApiOkResponse({ type: ConsoleSessionSchema })
  @ApiConsoleProblems(400, 401, 403)
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
  @ApiOperation({ summary: 'Sign out: the session ends and its cookie is cleared' })
  @ApiNoContentResponse({ description: 'Signed out.' })
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
