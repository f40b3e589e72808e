import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ErrorCode, HubError } from '@hub/errors';
import { needsSecondFactor, type ConsoleRole } from './console-role.js';
import type { ConsoleSession, ConsoleSessionRepository, SessionStage } from './console-session.repository.js';
import type { ConsoleUser } from './console-user.js';
import type { ConsoleUserRepository } from './console-user.repository.js';
import { hashPassword, passwordProblems, verifyPassword } from './password.js';
import { acceptedTotpStep, newTotpSecret, otpauthUri } from './totp.js';

/** GB/T 22239-2019 8.1.4.1: lock-out after repeated failures, and sign-out after idling. */
export interface SignInPolicy {
  lockoutAttempts: number;
  lockoutMinutes: number;
  idleMinutes: number;
}

export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = { lockoutAttempts: 5, lockoutMinutes: 15, idleMinutes: 30 };

/** What the console shows of a session: who, how far the sign-in has got, and the token to send back with every change. */
export interface SessionView {
  username: string;
  displayName: string;
  member: string;
  role: ConsoleRole;
  stage: SessionStage;
  csrfToken: string;
  /** While an authenticator is being enrolled: the secret to scan (shown only to this session). */
  enrolment?: { secret: string; otpauthUri: string };
}

/** A session's token (for the cookie) and what it shows. */
export interface StartedSession {
  token: string;
  session: SessionView;
}

const WRONG = '用户名或密码错误 (wrong user name or password)';
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const totpContext = (username: string) => `console_user_totp:${username}`;
const refused = (message: string, context: Record<string, unknown> = {}) => new HubError(ErrorCode.Unauthenticated, message, { context });

/** A change carries the session's CSRF token, compared in constant time: a guess learns nothing from how long the refusal took. */
function requireCsrf(session: ConsoleSession, given: string | undefined): void {
  const [a, b] = [Buffer.from(given ?? ''), Buffer.from(session.csrfToken)];
  if (given === undefined || a.length !== b.length || !timingSafeEqual(a, b)) throw new HubError(ErrorCode.Forbidden, 'the X-CSRF-Token header is missing or is not this session’s');
}

/**
 * Signing in to the console (issue 24): the password, then — for administrators and auditors — a
 * TOTP code (enrolling the authenticator at the first sign-in), after a first password has been
 * changed. Sessions are tokens whose SHA-256 alone is kept; they end after idling. Repeated
 * failures lock the account for a while; an unknown user takes as long to refuse as a known one.
 */
export class ConsoleSignIn {
  private unknownUserHash: Promise<string> | undefined;

  constructor(
    private readonly users: ConsoleUserRepository,
    private readonly sessions: ConsoleSessionRepository,
    private readonly cipher: { seal(plaintext: string, context: string): string; open(sealed: string, context: string): string },
    private readonly policy: SignInPolicy = DEFAULT_SIGN_IN_POLICY,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async signIn(username: string, password: string): Promise<StartedSession> {
    const now = this.clock();
    const user = await this.users.find(username);
    const credentials = user && (await this.users.credentials(username));
    if (!user || !credentials) {
      this.unknownUserHash ??= hashPassword(randomBytes(16).toString('hex'));
      await verifyPassword(password, await this.unknownUserHash);
      throw refused(WRONG);
    }
    if (user.disabledAt) throw refused('账户已停用 (the account is disabled)', { username });
    if (user.lockedUntil && new Date(user.lockedUntil) > now) throw refused(`账户已锁定至 ${user.lockedUntil} (locked after ${this.policy.lockoutAttempts} failed sign-ins)`, { username });
    if (!(await verifyPassword(password, credentials.passwordHash))) {
      await this.fail(username, now);
      throw refused(WRONG, { username });
    }
    const stage: SessionStage = user.mustChangePassword ? 'change-password' : this.secondFactorStage(user);
    if (stage === 'active') await this.users.recordSuccess(username);
    return this.start(user, stage, now);
  }

  /** The session's view, noting it was used; refused once it has idled too long, or its user was disabled. */
  async session(token: string): Promise<SessionView> {
    const { session, user } = await this.current(token);
    return this.view(user, session);
  }

  /** The session of a request that reads: signed in all the way. */
  async signedIn(token: string): Promise<{ user: ConsoleUser; session: ConsoleSession }> {
    const current = await this.current(token);
    if (current.session.stage !== 'active') throw new HubError(ErrorCode.Forbidden, `登录尚未完成 (sign-in is not finished: ${current.session.stage})`);
    return current;
  }

  /** The session of a request that changes something: signed in all the way, and carrying the session's CSRF token. */
  async authorise(token: string, csrfToken: string | undefined): Promise<{ user: ConsoleUser; session: ConsoleSession }> {
    const current = await this.signedIn(token);
    requireCsrf(current.session, csrfToken);
    return current;
  }

  /** A password the user chooses, after their first or when they wish: every session of theirs ends, and a new one carries on. */
  async changePassword(token: string, csrfToken: string | undefined, currentPassword: string, newPassword: string): Promise<StartedSession> {
    const { session, user } = await this.current(token);
    if (session.stage !== 'change-password' && session.stage !== 'active') throw new HubError(ErrorCode.Forbidden, `give the second factor first (${session.stage})`);
    requireCsrf(session, csrfToken);
    const credentials = await this.users.credentials(user.username);
    if (!credentials || !(await verifyPassword(currentPassword, credentials.passwordHash))) {
      await this.fail(user.username, this.clock());
      throw refused('当前密码错误 (the current password is wrong)', { username: user.username });
    }
    const problems = [...passwordProblems(newPassword, user.username), ...(newPassword === currentPassword ? ['新密码不得与原密码相同 (must differ from the current one)'] : [])];
    if (problems.length > 0) throw new HubError(ErrorCode.BadRequest, problems.join('; '), { context: { problems } });
    await this.users.setPassword(user.username, await hashPassword(newPassword));
    await this.sessions.deleteAllOf(user.username);
    const stage = this.secondFactorStage({ ...user, mustChangePassword: false });
    if (stage === 'active') await this.users.recordSuccess(user.username);
    return this.start({ ...user, mustChangePassword: false }, stage, this.clock());
  }

  /** The code from the user's authenticator: to finish signing in, or to enrol it at the first sign-in. */
  async secondFactor(token: string, csrfToken: string | undefined, code: string): Promise<SessionView> {
    const { session, user } = await this.current(token);
    requireCsrf(session, csrfToken);
    const now = this.clock();
    if (session.stage === 'enrol-second-factor' && session.pendingTotpSecret) {
      const step = acceptedTotpStep(this.cipher.open(session.pendingTotpSecret, totpContext(user.username)), code, now, null);
      if (step === undefined) return this.failCode(user.username, now);
      await this.users.enrolSecondFactor(user.username, session.pendingTotpSecret, step);
    } else if (session.stage === 'second-factor') {
      const credentials = await this.users.credentials(user.username);
      if (!credentials?.sealedTotpSecret) throw new HubError(ErrorCode.Conflict, `${user.username} has no authenticator enrolled; an operator resets the account (hub users reset)`);
      const step = acceptedTotpStep(this.cipher.open(credentials.sealedTotpSecret, totpContext(user.username)), code, now, credentials.lastTotpStep);
      if (step === undefined) return this.failCode(user.username, now);
      await this.users.acceptTotpStep(user.username, step);
    } else {
      throw new HubError(ErrorCode.Conflict, `no second factor is asked for at this stage (${session.stage})`);
    }
    await this.users.recordSuccess(user.username);
    await this.sessions.update(session.tokenHash, { stage: 'active', pendingTotpSecret: null }, now);
    return this.view(user, { ...session, stage: 'active', pendingTotpSecret: null });
  }

  async signOut(token: string): Promise<void> {
    await this.sessions.delete(tokenHash(token));
  }

  private async current(token: string): Promise<{ session: ConsoleSession; user: ConsoleUser }> {
    const now = this.clock();
    const session = await this.sessions.find(tokenHash(token));
    if (!session) throw refused('未登录或会话已结束 (not signed in)');
    const idleUntil = new Date(session.lastSeenAt).getTime() + this.policy.idleMinutes * 60_000;
    const user = await this.users.find(session.username);
    if (idleUntil < now.getTime() || !user || user.disabledAt) {
      await this.sessions.delete(session.tokenHash);
      throw refused(user?.disabledAt ? '账户已停用 (the account is disabled)' : `会话已超时 (signed out after ${this.policy.idleMinutes} minutes idle)`);
    }
    await this.sessions.update(session.tokenHash, {}, now);
    return { session, user };
  }

  private async start(user: ConsoleUser, stage: SessionStage, now: Date): Promise<StartedSession> {
    const token = randomBytes(32).toString('base64url');
    const session = {
      tokenHash: tokenHash(token),
      username: user.username,
      stage,
      csrfToken: randomBytes(24).toString('base64url'),
      pendingTotpSecret: stage === 'enrol-second-factor' ? this.cipher.seal(newTotpSecret(), totpContext(user.username)) : null,
    };
    await this.sessions.create(session, now);
    return { token, session: this.view(user, { ...session, createdAt: now.toISOString(), lastSeenAt: now.toISOString() }) };
  }

  private view(user: ConsoleUser, session: ConsoleSession): SessionView {
    const secret = session.stage === 'enrol-second-factor' && session.pendingTotpSecret ? this.cipher.open(session.pendingTotpSecret, totpContext(user.username)) : undefined;
    return {
      username: user.username,
      displayName: user.displayName,
      member: user.member,
      role: user.role,
      stage: session.stage,
      csrfToken: session.csrfToken,
      ...(secret ? { enrolment: { secret, otpauthUri: otpauthUri(secret, user.username) } } : {}),
    };
  }

  private secondFactorStage(user: ConsoleUser): SessionStage {
    if (!needsSecondFactor(user.role)) return 'active';
    return user.secondFactorEnrolled ? 'second-factor' : 'enrol-second-factor';
  }

  private async fail(username: string, now: Date): Promise<void> {
    await this.users.recordFailure(username, { attempts: this.policy.lockoutAttempts, until: new Date(now.getTime() + this.policy.lockoutMinutes * 60_000) });
  }

  private async failCode(username: string, now: Date): Promise<never> {
    await this.fail(username, now);
    throw refused('动态口令错误 (the code is wrong or was used already)', { username });
  }
}
