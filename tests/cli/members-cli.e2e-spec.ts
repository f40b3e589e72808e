/**
 * Issue 19: `hub members` gives a department its Kafka principal when it is added, takes it away
 * at once when the member is disabled, and writes every administration to the access log.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCESS_LOG_TOPIC, type AccessLogEntry } from '@hub/members';
import { readTopicWindow, type KafkaSettings } from '@hub/messaging';
import { produceAs } from '../support/broker-outcome.js';
import { runCli } from '../support/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testBrokerListeners, testKafkaSettings } from '../support/test-kafka.js';

describe('npx hub members, on the broker as well as the database', () => {
  let database: TestDatabase;
  const member = `d${randomBytes(5).toString('hex')}`;
  const folder = mkdtempSync(join(tmpdir(), 'hub-members-cli-'));
  const adminFile = join(folder, 'kafka-admin.json');
  const started = Date.now();
  const listeners = testBrokerListeners();
  const cli = (...args: string[]) => runCli(['members', ...args, '--database', database.url, '--kafka-admin', adminFile]);
  let password = '';

  beforeAll(async () => {
    database = await createTestDatabase('members_cli');
    writeFileSync(adminFile, JSON.stringify(testKafkaSettings('hub-members')), { mode: 0o600 });
    // As an operator finds it: the owner migrated the database before anyone administers members.
    expect((await runCli(['db', 'migrate', '--database', database.url, '--no-grant'])).code).toBe(0);
  });

  it('does not migrate: on a database the owner has not migrated it refuses, naming `hub db migrate`', async () => {
    const fresh = await createTestDatabase('members_cli_fresh');
    try {
      const run = await runCli(['members', 'list', '--database', fresh.url]);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(/has migrations this version needs and has not run.*npx hub db migrate/);
    } finally {
      await fresh.drop();
    }
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('adds a department with its topics and a Kafka principal, printing the password once', async () => {
    const run = await cli('add', member, '--issue-key');
    expect(run.code).toBe(0);
    password = /Kafka principal .*, SCRAM-SHA-512 password \(shown once\): (\S+)/.exec(run.stdout)?.[1] ?? '';
    expect(password).not.toBe('');
    const asMember: KafkaSettings = { brokers: listeners.members, clientId: `${member}.cli-test`, sasl: { mechanism: 'scram-sha-512', username: member, password }, tls: { ca: listeners.ca } };
    expect(await produceAs(asMember, `hub.inbound.${member}`)).toBe('allowed');
  });

  it('disables the member: its keys revoked and its principal refused at once', async () => {
    const run = await cli('disable', member);
    expect(run.stdout).toContain(`revoked 1 API key(s) of ${member}`);
    expect(run.stdout).toContain(`removed the Kafka principal ${member} and its ACLs`);
    const asMember: KafkaSettings = { brokers: listeners.members, clientId: `${member}.cli-test`, sasl: { mechanism: 'scram-sha-512', username: member, password }, tls: { ca: listeners.ca } };
    expect(await produceAs(asMember, `hub.inbound.${member}`)).toBe('refused');
  });

  it('wrote both administrations to the access log, naming the operator', async () => {
    const entries: AccessLogEntry[] = [];
    await readTopicWindow(testKafkaSettings('members-cli-log'), ACCESS_LOG_TOPIC, { since: started, limit: 1_000_000 }, (record) => {
      if (record.value) entries.push(JSON.parse(record.value.toString('utf8')) as AccessLogEntry);
    });
    const ours = entries.filter((entry) => entry.action === 'administer-members' && entry.resource === member);
    expect(ours.map((entry) => entry.reason)).toEqual([`register ${member} as department, with a key`, `disable ${member}: every API key and its Kafka principal`]);
    expect(ours.every((entry) => entry.member.startsWith('operator:'))).toBe(true);
  });
});
