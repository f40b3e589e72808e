import type { ConsoleRole } from './console-role.js';
import type { ConsoleSession, ConsoleSessionRepository } from './console-session.repository.js';
import { ConsoleSignIn } from './console-sign-in.js';
import type { ConsoleUser } from './console-user.js';
import type { ConsoleUserRepository, UserCredentials } from './console-user.repository.js';
import { hashPassword } from './password.js';
import { totpCode, totpStep } from './totp.js';

/** One user's account and the sessions, in memory, as the repositories keep them. */
async function accountOf(role: ConsoleRole, options: { mustChangePassword?: boolean } = {}) {
  const user: ConsoleUser = {
    username: 'zhangmin',
    member: role === 'auditor' ? 'audit-office' : 'education',
    role,
    displayName: '张敏',
    mustChangePassword: options.mustChangePassword ?? false,
    secondFactorEnrolled: false,
    failedAttempts: 0,
    lockedUntil: null,
    disabledAt: null,
    createdAt: '2026-12-01T00:00:00.000Z',
  };
  const credentials: UserCredentials = { passwordHash: await hashPassword('Helan-Mountain-7'), sealedTotpSecret: null, lastTotpStep: null };
  const users: ConsoleUserRepository = {
    add: () => Promise.resolve(false),
    find: (username) => Promise.resolve(username === user.username ? { ...user } : undefined),
    list: () => Promise.resolve([user]),
    resetPassword: () => Promise.resolve(false),
    disable: () => Promise.resolve(false),
    credentials: (username) => Promise.resolve(username === user.username ? { ...credentials } : undefined),
    recordFailure: (_username, lockout) => {
      user.failedAttempts++;
      if (user.failedAttempts >= lockout.attempts) Object.assign(user, { failedAttempts: 0, lockedUntil: lockout.until.toISOString() });
      return Promise.resolve();
    },
    recordSuccess: () => {
      Object.assign(user, { failedAttempts: 0, lockedUntil: null });
      return Promise.resolve();
    },
    setPassword: (_username, hash) => {
      Object.assign(credentials, { passwordHash: hash });
      user.mustChangePassword = false;
      return Promise.resolve();
    },
    enrolSecondFactor: (_username, sealed, step) => {
      Object.assign(credentials, { sealedTotpSecret: sealed, lastTotpStep: step });
      user.secondFactorEnrolled = true;
      return Promise.resolve();
    },
    acceptTotpStep: (_username, step) => {
      credentials.lastTotpStep = step;
      return Promise.resolve();
    },
  };
  const kept = new Map<string, ConsoleSession>();
  const sessions: ConsoleSessionRepository = {
    create: (session, at) => {
      kept.set(session.tokenHash, { ...session, createdAt: at.toISOString(), lastSeenAt: at.toISOString() });
      return Promise.resolve();
    },
    find: (hash) => Promise.resolve(kept.get(hash)),
    update: (hash, change, at) => {
      const session = kept.get(hash);
      if (session) kept.set(hash, { ...session, ...change, lastSeenAt: at.toISOString() });
      return Promise.resolve();
    },
    delete: (hash) => {
      kept.delete(hash);
      return Promise.resolve();
    },
    deleteAllOf: (username) => {
      for (const [hash, session] of kept) if (session.username === username) kept.delete(hash);
      return Promise.resolve();
    },
  };
  let now = new Date('2026-12-06T08:00:00Z');
  // Sealing stands in for the envelope cipher: the context must match, as the real one checks.
  const cipher = { seal: (text: string, context: string) => `sealed(${context}):${text}`, open: (sealed: string, context: string) => sealed.replace(`sealed(${context}):`, '') };
  const signIn = new ConsoleSignIn(users, sessions, cipher, { lockoutAttempts: 5, lockoutMinutes: 15, idleMinutes: 30 }, () => now);
  return { user, credentials, kept, signIn, advance: (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000)), now: () => now };
}

describe('signing in to the console', () => {
  it('lets a department officer in with the password alone, and no further for a wrong one', async () => {
    const { signIn } = await accountOf('department-officer');
    await expect(signIn.signIn('zhangmin', 'wrong-Password-1')).rejects.toThrow('用户名或密码错误');
    const started = await signIn.signIn('zhangmin', 'Helan-Mountain-7');
    expect(started.session).toEqual(expect.objectContaining({ username: 'zhangmin', role: 'department-officer', stage: 'active' }));
    expect(started.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('keeps only the SHA-256 of the session token', async () => {
    const { signIn, kept } = await accountOf('department-officer');
    const { token } = await signIn.signIn('zhangmin', 'Helan-Mountain-7');
    expect([...kept.keys()]).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect([...kept.keys()]).not.toContain(token);
  });

  it('answers an unknown user exactly as a wrong password', async () => {
    const { signIn } = await accountOf('department-officer');
    await expect(signIn.signIn('nobody', 'Helan-Mountain-7')).rejects.toThrow('用户名或密码错误 (wrong user name or password)');
  });

  it('locks the account after five failures for fifteen minutes, the right password included (GB/T 22239-2019 8.1.4.1 b)', async () => {
    const { signIn, advance } = await accountOf('department-officer');
    for (let i = 0; i < 5; i++) await expect(signIn.signIn('zhangmin', 'wrong-Password-1')).rejects.toThrow('用户名或密码错误');
    await expect(signIn.signIn('zhangmin', 'Helan-Mountain-7')).rejects.toThrow('账户已锁定至 2026-12-06T08:15:00.000Z');
    advance(16);
    await expect(signIn.signIn('zhangmin', 'Helan-Mountain-7')).resolves.toEqual(expect.objectContaining({ session: expect.objectContaining({ stage: 'active' }) }));
  });

  it('asks for a new password after a first one, refusing a weak one, then lets the user in', async () => {
    const { signIn } = await accountOf('department-officer', { mustChangePassword: true });
    const first = await signIn.signIn('zhangmin', 'Helan-Mountain-7');
    expect(first.session.stage).toBe('change-password');
    await expect(signIn.changePassword(first.token, first.session.csrfToken, 'Helan-Mountain-7', 'short')).rejects.toThrow('密码至少 10 个字符');
    const changed = await signIn.changePassword(first.token, first.session.csrfToken, 'Helan-Mountain-7', 'Liupan-Shan-2026');
    expect(changed.session.stage).toBe('active');
    await expect(signIn.session(first.token)).rejects.toThrow('not signed in');
    await expect(signIn.signIn('zhangmin', 'Liupan-Shan-2026')).resolves.toEqual(expect.objectContaining({ session: expect.objectContaining({ stage: 'active' }) }));
  });

  it('has an auditor enrol an authenticator at the first sign-in, proven by a code, then asks for a code each time', async () => {
    const { signIn, now } = await accountOf('auditor');
    const first = await signIn.signIn('zhangmin', 'Helan-Mountain-7');
    expect(first.session.stage).toBe('enrol-second-factor');
    const secret = first.session.enrolment!.secret;
    expect(first.session.enrolment!.otpauthUri).toContain(`secret=${secret}`);
    await expect(signIn.authorise(first.token, first.session.csrfToken)).rejects.toThrow('sign-in is not finished');
    const enrolled = await signIn.secondFactor(first.token, first.session.csrfToken, totpCode(secret, totpStep(now())));
    expect([enrolled.stage, enrolled.enrolment]).toEqual(['active', undefined]);

    const second = await signIn.signIn('zhangmin', 'Helan-Mountain-7');
    expect([second.session.stage, second.session.enrolment]).toEqual(['second-factor', undefined]);
    // The code that enrolled the authenticator is not accepted again.
    await expect(signIn.secondFactor(second.token, second.session.csrfToken, totpCode(secret, totpStep(now())))).rejects.toThrow('动态口令错误');
    const next = await signIn.secondFactor(second.token, second.session.csrfToken, totpCode(secret, totpStep(now()) + 1));
    expect(next.stage).toBe('active');
  });

  it('refuses a change without the session’s CSRF token', async () => {
    const { signIn } = await accountOf('department-officer');
    const { token, session } = await signIn.signIn('zhangmin', 'Helan-Mountain-7');
    await expect(signIn.authorise(token, undefined)).rejects.toThrow('X-CSRF-Token');
    await expect(signIn.authorise(token, `${session.csrfToken}x`)).rejects.toThrow('X-CSRF-Token');
    await expect(signIn.authorise(token, session.csrfToken)).resolves.toEqual(expect.objectContaining({ user: expect.objectContaining({ username: 'zhangmin' }) }));
  });

  it('signs a session out after thirty minutes idle, and keeps one in use alive', async () => {
    const { signIn, advance } = await accountOf('department-officer');
    const { token } = await signIn.signIn('zhangmin', 'Helan-Mountain-7');
    advance(29);
    await expect(signIn.session(token)).resolves.toEqual(expect.objectContaining({ stage: 'active' }));
    advance(29);
    await expect(signIn.session(token)).resolves.toEqual(expect.objectContaining({ stage: 'active' }));
    advance(31);
    await expect(signIn.session(token)).rejects.toThrow('signed out after 30 minutes idle');
  });

  it('ends the session of a user who was disabled', async () => {
    const { signIn, user } = await accountOf('department-officer');
    const { token } = await signIn.signIn('zhangmin', 'Helan-Mountain-7');
    user.disabledAt = '2026-12-06T08:01:00.000Z';
    await expect(signIn.session(token)).rejects.toThrow('账户已停用');
  });
});
