/**
 * Issue 24, who logs in: `hub users` adds the people who sign in to the console under a member and
 * in one role, prints a first password once and keeps only its hash, resets and disables them, and
 * writes every administration to the access log.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyPassword } from '@hub/console-users';
import { ACCESS_LOG_TOPIC, type AccessLogEntry } from '@hub/members';
import { createKafkaClient, KafkaTopicAdmin, readTopicWindow } from '@hub/messaging';
import { runCli } from '../support/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testKafkaSettings } from '../support/test-kafka.js';

/** A department of this run's own: `hub members add` gives it a principal on the shared broker, which another suite's department must not share. */
const DEPARTMENT = `county-office-${randomBytes(3).toString('hex')}`;

describe('npx hub users', () => {
  let database: TestDatabase;
  const folder = mkdtempSync(join(tmpdir(), 'hub-users-cli-'));
  const adminFile = join(folder, 'kafka-admin.json');
  const started = Date.now();
  const cli = (...args: string[]) => runCli(['users', ...args, '--database', database.url, '--kafka-admin', adminFile]);
  const firstPassword = (stdout: string) => /\(shown once[^)]*\): (\S+)/.exec(stdout)?.[1] ?? '';
  const storedHash = async (username: string) => (await database.query<{ password_hash: string }>('SELECT password_hash FROM console_user WHERE username = $1', [username]))[0]?.password_hash ?? '';

  beforeAll(async () => {
    database = await createTestDatabase('users_cli');
    writeFileSync(adminFile, JSON.stringify(testKafkaSettings('hub-users')), { mode: 0o600 });
    expect((await runCli(['db', 'migrate', '--database', database.url, '--no-grant'])).code).toBe(0);
    // The access log's topic, as the gateway creates it at start.
    const topics = new KafkaTopicAdmin(createKafkaClient(testKafkaSettings('users-cli-topics')));
    await topics.ensureTopics([{ topic: ACCESS_LOG_TOPIC, numPartitions: 3 }]);
    await topics.disconnect();
    expect((await runCli(['members', 'add', DEPARTMENT, '--database', database.url, '--kafka-admin', adminFile])).code).toBe(0);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('adds a department officer and prints the first password once; the database keeps only its hash', async () => {
    const run = await cli('add', 'zhangmin', '--member', DEPARTMENT, '--role', 'department-officer', '--name', '张敏');
    expect(run.code).toBe(0);
    const password = firstPassword(run.stdout);
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    const hash = await storedHash('zhangmin');
    expect(hash).not.toContain(password);
    expect(await verifyPassword(password, hash)).toBe(true);
  });

  it("refuses a role the member's kind does not allow, naming the ones it does", async () => {
    const run = await cli('add', 'lijun', '--member', DEPARTMENT, '--role', 'auditor', '--name', '李军');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`a user of ${DEPARTMENT} may be department-officer (部门经办人), department-administrator (部门管理员), not auditor`);
  });

  it('refuses an unknown role before it touches anything', async () => {
    const run = await cli('add', 'lijun', '--member', DEPARTMENT, '--role', 'superuser', '--name', '李军');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--role must be one of department-officer (部门经办人)');
  });

  it('resets a password: the old one stops working, the new one is printed once', async () => {
    const before = await storedHash('zhangmin');
    const run = await cli('reset', 'zhangmin');
    expect(run.code).toBe(0);
    const after = await storedHash('zhangmin');
    expect(after).not.toBe(before);
    expect(await verifyPassword(firstPassword(run.stdout), after)).toBe(true);
  });

  it('disables a user and lists them as disabled', async () => {
    expect((await cli('disable', 'zhangmin')).code).toBe(0);
    const run = await runCli(['users', 'list', '--member', DEPARTMENT, '--database', database.url]);
    expect(run.stdout).toMatch(new RegExp(`^zhangmin\t${DEPARTMENT}\tdepartment-officer\t张敏\t已停用 disabled \\S+$`, 'm'));
  });

  it('wrote each administration to the access log, naming the operator', async () => {
    const entries: AccessLogEntry[] = [];
    await readTopicWindow(testKafkaSettings('users-cli-log'), ACCESS_LOG_TOPIC, { since: started, limit: 1_000_000 }, (record) => {
      if (record.value) entries.push(JSON.parse(record.value.toString('utf8')) as AccessLogEntry);
    });
    const ours = entries.filter((entry) => entry.action === 'administer-users' && entry.resource === 'zhangmin').map((entry) => entry.reason);
    expect(ours).toEqual([`add zhangmin under ${DEPARTMENT} as department-officer`, 'reset zhangmin', 'disable zhangmin']);
  });
});
