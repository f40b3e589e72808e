import { AuditRetention, openAuditReader } from '@hub/audit';
import { createKafkaClient, HubProducer } from '@hub/messaging';
import { VersionedKeyRing } from '@hub/privacy';
import type { AppProcess } from '../support/app-process.js';
import { auditKeyFiles, openedEntries, startAudit, TEST_AUDIT_STORE_KEYS } from '../support/audit-process.js';
import { eventually } from '../support/eventually.js';
import { runCli } from '../support/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createTestTopics, testKafkaBrokers, testKafkaEnv, testKafkaSettings } from '../support/test-kafka.js';
import { uniqueName } from '../support/unique-name.js';

/**
 * Issue 20: personal data expires from the append-only audit store by destroying the key of the
 * month it was sealed under (crypto-shredding), while every hash chain still verifies.
 */
describe("the audit store's retention", () => {
  const prefix = uniqueName('audit-retention');
  const inbound = `${prefix}.inbound`;
  const findings = `${prefix}.findings`;
  const checkpointTopic = `${prefix}-checkpoints`;
  const auditName = `${prefix}-audit`.replace(/_/g, '-');
  const keys = auditKeyFiles();
  const findingId = 'a'.repeat(64);
  // A department's record as sent (as if an operator had chosen to record the raw inbound topics).
  const raw = JSON.stringify({ idNumber: '640104198506120314', name: '马建国', decisionNumber: 'MZ-2026-001' });
  let database: TestDatabase;
  let audit: AppProcess;
  let destroyed: string[];

  const verify = () =>
    runCli(
      ['audit', 'verify', '--database', database.url, '--public-key', keys.publicKeyFile, '--brokers', testKafkaBrokers().join(','), '--checkpoint-topic', checkpointTopic, '--audit-group', auditName],
      testKafkaEnv(),
    );

  beforeAll(async () => {
    database = await createTestDatabase('audit-retention');
    await createTestTopics([
      { topic: inbound, numPartitions: 1 },
      { topic: findings, numPartitions: 1 },
    ]);
    const producer = new HubProducer(createKafkaClient(testKafkaSettings('test-department')));
    try {
      await producer.send([
        ...Array.from({ length: 3 }, (_, i) => ({ topic: inbound, key: `640104198506120314-${i}`, value: raw })),
        { topic: findings, key: 'p1.person.x', value: JSON.stringify({ findingId, change: 'raised', rule: 'insurance-gap', ruleVersion: '1.1.0', routedTo: 'healthcare-security', evidence: [] }) },
      ]);
    } finally {
      await producer.disconnect();
    }
    audit = await startAudit(database.url, { topics: `^${prefix}\\.`, signingKeyFile: keys.signingKeyFile, checkpointTopic, name: auditName });
    await eventually('the four records recorded and sealed', async () => {
      const [row] = await database.query<{ entries: string; sealed: string }>(
        `SELECT (SELECT count(*) FROM audit_entry) AS entries, (SELECT coalesce(sum(e), 0) FROM (SELECT max(entries) AS e FROM audit_checkpoint GROUP BY topic, partition) k) AS sealed`,
      );
      return row.entries === '4' && row.sealed === '4';
    });
    // Stopped first: a running audit keeps the month's key it seals with in memory.
    await audit.stop();
  });

  afterAll(async () => {
    await audit?.stop();
    await database?.drop();
  });

  it("stores no identity number or name in the clear, and opens each record as it arrived with the audit's key ring", async () => {
    const stored = await database.query<{ key: Buffer; value: Buffer }>('SELECT key, value FROM audit_entry WHERE topic = $1', [inbound]);
    const clear = stored.filter((row) =>
      Buffer.concat([row.key, row.value])
        .toString('latin1')
        .match(/640104|马建国|MZ-2026/),
    );
    expect({ stored: stored.length, clear }).toEqual({ stored: 3, clear: [] });
    const opened = await openedEntries(database.url, inbound);
    expect(opened.map((entry) => [entry.key?.toString(), entry.value?.toString()])).toEqual([0, 1, 2].map((i) => [`640104198506120314-${i}`, raw]));
  });

  describe("once the month's key is destroyed", () => {
    beforeAll(async () => {
      const reader = await openAuditReader(database.url, VersionedKeyRing.parse(TEST_AUDIT_STORE_KEYS));
      try {
        // Twenty-five months on, with the default retention of 24: this month has been kept long enough.
        const later = new Date();
        later.setUTCMonth(later.getUTCMonth() + 25);
        destroyed = await new AuditRetention(reader.periods, 24, () => later).sweep();
      } finally {
        await reader.close();
      }
    });

    it('destroys the key of every month past retention, and only those', async () => {
      expect(destroyed).toEqual([new Date().toISOString().slice(0, 7)]);
      const [key] = await database.query<{ wrapped_key: string | null; destroyed_at: Date | null }>('SELECT wrapped_key, destroyed_at FROM audit_period_key');
      expect(key).toEqual({ wrapped_key: null, destroyed_at: expect.any(Date) });
    });

    it("cannot read the month's records any more", async () => {
      const opened = await openedEntries(database.url, inbound);
      expect(opened.map((entry) => ({ key: entry.key, value: entry.value, expired: entry.expired }))).toEqual([0, 1, 2].map(() => ({ key: null, value: null, expired: { period: destroyed[0] } })));
    });

    it('still verifies every chain and checkpoint: the chains hash what is stored, sealed', async () => {
      const run = await verify();
      expect(run.stdout).toMatch(/^intact: 2 chains, 4 entries, /m);
      expect(run.code).toBe(0);
    });

    it("shows in a finding's lineage that an entry naming it expired, and when", async () => {
      const run = await runCli(['audit', 'lineage', findingId, '--json', '--database', database.url, '--findings-topic', findings], { AUDIT_STORE_KEYS: TEST_AUDIT_STORE_KEYS });
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ steps: [], expired: [{ topic: findings, partition: 0, offset: '0', period: destroyed[0] }] });
    });

    it('never brings a destroyed key back, and keeps the record of its destruction', async () => {
      await expect(database.query(`UPDATE audit_period_key SET wrapped_key = 'e1.AAAA', destroyed_at = NULL`)).rejects.toThrow(/only ever destroyed: UPDATE/);
      await expect(database.query('DELETE FROM audit_period_key')).rejects.toThrow(/only ever destroyed: DELETE/);
    });
  });
});
