/**
 * Issue 24, who logs in: the console's sign-in over HTTP, on the real database and broker — a first
 * password changed, an auditor's authenticator enrolled and then asked for, the CSRF token, the
 * lock-out, and every attempt in the access log with the user.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@hub/config';
import { ConsoleUsers, PostgresConsoleUserRepository, totpCode, totpStep } from '@hub/console-users';
import { ACCESS_LOG_TOPIC, MemberDirectory, openMemberDirectory, type AccessLogEntry } from '@hub/members';
import { createKafkaClient, KafkaTopicAdmin, readTopicWindow } from '@hub/messaging';
import { openMigratedDataSource } from '@hub/persistence';
import { ConsoleEnvironment } from '../../apps/console/src/console-environment.js';
import { createConsoleApp } from '../../apps/console/src/create-console-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testKafkaEnv, testKafkaSettings } from '../support/test-kafka.js';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
  cookie: string | undefined;
}

/** A browser's side of the console: it keeps the session cookie and sends what the last answer asked for. */
class Browser {
  cookie = '';
  constructor(private readonly url: string) {}

  async call(method: string, path: string, body?: unknown, csrf?: string): Promise<Answer> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const cookie = response.headers.get('set-cookie') ?? undefined;
    if (cookie) this.cookie = cookie.split(';')[0]!;
    const text = await response.text();
    return { status: response.status, headers: Object.fromEntries(response.headers), body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, cookie };
  }
}

describe('signing in to the console', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let url: string;
  const passwords: Record<string, string> = {};
  const started = Date.now();

  beforeAll(async () => {
    database = await createTestDatabase('console_sign_in');
    const topics = new KafkaTopicAdmin(createKafkaClient(testKafkaSettings('console-topics')));
    await topics.ensureTopics([{ topic: ACCESS_LOG_TOPIC, numPartitions: 3 }]);
    await topics.disconnect();
    const { members, close } = await openMemberDirectory(database.url, { migrate: true });
    await members.add({ id: 'education', role: 'department' });
    await members.add({ id: 'audit-office', role: 'auditor' });
    await close();
    const dataSource = await openMigratedDataSource(database.url);
    const users = new ConsoleUsers(new PostgresConsoleUserRepository(dataSource), new MemberDirectory(dataSource));
    passwords['zhangmin'] = (await users.add({ username: 'zhangmin', member: 'education', role: 'department-officer', displayName: '张敏' })).initialPassword;
    passwords['wangfang'] = (await users.add({ username: 'wangfang', member: 'audit-office', role: 'auditor', displayName: '王芳' })).initialPassword;
    passwords['lijun'] = (await users.add({ username: 'lijun', member: 'education', role: 'department-officer', displayName: '李军' })).initialPassword;
    await dataSource.destroy();
    const env = loadConfig(ConsoleEnvironment, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      DATABASE_URL: database.url,
      ...testKafkaEnv(),
      CONSOLE_KEYS: `1:${Buffer.alloc(32, 7).toString('base64')}`,
      PSEUDONYM_KEYS: `1:${Buffer.alloc(32, 8).toString('base64')}`,
      ENVELOPE_KEYS: `1:${Buffer.alloc(32, 9).toString('base64')}`,
    });
    app = await createConsoleApp(env, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('takes the first password, sets an HttpOnly SameSite=Strict cookie, and asks for a new password before anything else', async () => {
    const browser = new Browser(url);
    const signedIn = await browser.call('POST', '/api/session', { username: 'zhangmin', password: passwords['zhangmin'] });
    expect([signedIn.status, signedIn.body['stage'], signedIn.body['displayName']]).toEqual([200, 'change-password', '张敏']);
    expect(signedIn.cookie).toMatch(/^hub_console_session=[A-Za-z0-9_-]{43}; .*HttpOnly.*SameSite=Strict/i);
    expect([signedIn.headers['x-powered-by'], signedIn.headers['x-content-type-options']]).toEqual([undefined, 'nosniff']);
    const weak = await browser.call('POST', '/api/session/password', { currentPassword: passwords['zhangmin'], newPassword: 'zhangmin1' }, signedIn.body['csrfToken'] as string);
    expect([weak.status, weak.body['message']]).toEqual([400, expect.stringContaining('密码至少 10 个字符')]);
    const changed = await browser.call('POST', '/api/session/password', { currentPassword: passwords['zhangmin'], newPassword: 'Liupan-Shan-2026' }, signedIn.body['csrfToken'] as string);
    expect([changed.status, changed.body['stage']]).toEqual([200, 'active']);
    const current = await browser.call('GET', '/api/session');
    expect(current.body).toEqual(expect.objectContaining({ username: 'zhangmin', member: 'education', role: 'department-officer', stage: 'active' }));
  });

  it('refuses a change that does not carry the session’s CSRF token', async () => {
    const browser = new Browser(url);
    await browser.call('POST', '/api/session', { username: 'zhangmin', password: 'Liupan-Shan-2026' });
    const forged = await browser.call('POST', '/api/session/password', { currentPassword: 'Liupan-Shan-2026', newPassword: 'Helan-Mountain-7' });
    expect([forged.status, forged.body['message']]).toEqual([403, expect.stringContaining('X-CSRF-Token')]);
  });

  it('has an auditor enrol an authenticator at the first sign-in, then asks for its code', async () => {
    const browser = new Browser(url);
    const first = await browser.call('POST', '/api/session', { username: 'wangfang', password: passwords['wangfang'] });
    const changed = await browser.call('POST', '/api/session/password', { currentPassword: passwords['wangfang'], newPassword: 'Sha-Po-Tou-2026' }, first.body['csrfToken'] as string);
    expect(changed.body['stage']).toBe('enrol-second-factor');
    const { secret, otpauthUri } = changed.body['enrolment'] as { secret: string; otpauthUri: string };
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.+wangfang\?secret=[A-Z2-7]{32}&/);
    const enrolled = await browser.call('POST', '/api/session/second-factor', { code: totpCode(secret, totpStep(new Date())) }, changed.body['csrfToken'] as string);
    expect(enrolled.body['stage']).toBe('active');

    const again = new Browser(url);
    const second = await again.call('POST', '/api/session', { username: 'wangfang', password: 'Sha-Po-Tou-2026' });
    expect([second.body['stage'], second.body['enrolment']]).toEqual(['second-factor', undefined]);
    const wrong = await again.call('POST', '/api/session/second-factor', { code: '000000' }, second.body['csrfToken'] as string);
    expect(wrong.status).toBe(401);
    const right = await again.call('POST', '/api/session/second-factor', { code: totpCode(secret, totpStep(new Date()) + 1) }, second.body['csrfToken'] as string);
    expect(right.body['stage']).toBe('active');
  });

  it('locks an account after five wrong passwords, the right one refused too, and says until when', async () => {
    const browser = new Browser(url);
    for (let i = 0; i < 5; i++) expect((await browser.call('POST', '/api/session', { username: 'lijun', password: `Wrong-Password-${i}` })).status).toBe(401);
    const locked = await browser.call('POST', '/api/session', { username: 'lijun', password: passwords['lijun'] });
    expect([locked.status, locked.body['message']]).toEqual([401, expect.stringContaining('账户已锁定至')]);
  });

  it('signs out: the session is gone, and the cookie cleared', async () => {
    const browser = new Browser(url);
    await browser.call('POST', '/api/session', { username: 'zhangmin', password: 'Liupan-Shan-2026' });
    const session = browser.cookie;
    expect((await browser.call('DELETE', '/api/session')).status).toBe(204);
    browser.cookie = session;
    expect((await browser.call('GET', '/api/session')).status).toBe(401);
  });

  it('wrote every attempt to the access log with the user, refused ones included', async () => {
    const entries: AccessLogEntry[] = [];
    await readTopicWindow(testKafkaSettings('console-log'), ACCESS_LOG_TOPIC, { since: started, limit: 1_000_000 }, (record) => {
      if (record.value) entries.push(JSON.parse(record.value.toString('utf8')) as AccessLogEntry);
    });
    const signIns = entries.filter((entry) => entry.action === 'console-sign-in');
    expect(signIns.filter((entry) => entry.user === 'lijun' && !entry.allowed)).toHaveLength(6);
    expect(signIns.some((entry) => entry.user === 'wangfang' && entry.member === 'audit-office' && entry.reason === 'authenticator enrolled')).toBe(true);
  });
});
