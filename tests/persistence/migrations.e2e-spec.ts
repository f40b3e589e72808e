import { DataSource } from 'typeorm';
import { encodeChainHeaders } from '@hub/audit-chain';
import { HubEnvironment, loadConfig } from '@hub/config';
import { claimUnprocessed, dataSourceOptions, HUB_MIGRATIONS, runMigrationsExclusively } from '@hub/persistence';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('the hub schema', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('migrations');
    dataSource = new DataSource(dataSourceOptions(loadConfig(HubEnvironment, { DATABASE_URL: database.url, SERVICE_NAME: 'migrations-test' })));
    await dataSource.initialize();
    await runMigrationsExclusively(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('is created by the migrations on start', async () => {
    const tables = await database.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    expect(tables.map((t) => t.tablename)).toEqual([
      'audit_chain',
      'audit_checkpoint',
      'audit_entry',
      'audit_period_key',
      'console_session',
      'console_user',
      'crosscheck_bulk_load',
      'crosscheck_deferred_judgement',
      'crosscheck_fact',
      'crosscheck_finding',
      'crosscheck_judging_lock',
      'crosscheck_membership',
      'crosscheck_outbox',
      'crosscheck_review',
      'gateway_api_key',
      'gateway_bulk_load',
      'gateway_csv_mapping',
      'gateway_fact',
      'gateway_fact_read',
      'gateway_finding',
      'gateway_identity',
      'gateway_ingest_result',
      'gateway_member',
      'gateway_member_fact',
      'gateway_rate_bucket',
      'gateway_record_key',
      'gateway_rejection',
      'gateway_subject_activity',
      'hub_inbox',
      'migrations',
      'registry_config',
      'registry_schema',
      'registry_subject_version',
    ]);
  });

  it('is left as it is by a second start', async () => {
    const again = new DataSource(dataSourceOptions(loadConfig(HubEnvironment, { DATABASE_URL: database.url })));
    await runMigrationsExclusively(await again.initialize());
    await again.destroy();
    expect(await database.query('SELECT name FROM migrations')).toHaveLength(HUB_MIGRATIONS.length);
  });

  it('is migrated once when several apps start on a new database at the same moment', async () => {
    const fresh = await createTestDatabase('migrations_race');
    const apps = Array.from({ length: 3 }, () => new DataSource(dataSourceOptions(loadConfig(HubEnvironment, { DATABASE_URL: fresh.url }))));
    try {
      await Promise.all(apps.map(async (app) => runMigrationsExclusively(await app.initialize())));
      expect(await fresh.query('SELECT name FROM migrations')).toHaveLength(HUB_MIGRATIONS.length);
    } finally {
      await Promise.all(apps.map((app) => app.destroy()));
      await fresh.drop();
    }
  });

  it('converts the headers of audit entries recorded before they were kept in the chain encoding, byte for byte', async () => {
    const earlier = await createTestDatabase('migrations_audit_headers');
    const options = (migrations: typeof HUB_MIGRATIONS) => ({ ...dataSourceOptions(loadConfig(HubEnvironment, { DATABASE_URL: earlier.url })), migrations });
    const headers: [string, string][] = [
      ['ce_id', 'status-640104-H-000001-1'],
      ['ce_source', '/departments/civil-affairs'],
      ['hub_note', '低保 é'],
      ['empty', ''],
    ];
    const before = await new DataSource(options(HUB_MIGRATIONS.filter((m) => m.name !== 'AuditHeadersInChainEncoding1764460800006'))).initialize();
    const after = new DataSource(options(HUB_MIGRATIONS));
    try {
      await runMigrationsExclusively(before);
      await before.query(
        `INSERT INTO audit_entry (topic, partition, "offset", position, timestamp_ms, key, value, headers, previous_hash, hash) VALUES ('t', 0, 0, 1, 0, NULL, NULL, $1, '\\x00', '\\x00'), ('t', 0, 1, 2, 0, NULL, NULL, '[]', '\\x00', '\\x00')`,
        [JSON.stringify(headers)],
      );
      await runMigrationsExclusively(await after.initialize());
      const rows = await after.query<{ headers: Buffer }[]>('SELECT headers FROM audit_entry ORDER BY "offset"');
      expect(rows.map((row) => row.headers.toString('hex'))).toEqual([encodeChainHeaders(headers).toString('hex'), encodeChainHeaders([]).toString('hex')]);
    } finally {
      await before.destroy();
      if (after.isInitialized) await after.destroy();
      await earlier.drop();
    }
  });

  it("gives each member the facts it could read before the facts were indexed by member, at the facts' own sequence, so its cursor stays valid", async () => {
    const earlier = await createTestDatabase('migrations_member_facts');
    const options = (migrations: typeof HUB_MIGRATIONS) => ({ ...dataSourceOptions(loadConfig(HubEnvironment, { DATABASE_URL: earlier.url })), migrations });
    const before = await new DataSource(options(HUB_MIGRATIONS.filter((m) => m.name !== 'MemberFacts1764460800023'))).initialize();
    const after = new DataSource(options(HUB_MIGRATIONS));
    try {
      await runMigrationsExclusively(before);
      await before.query(
        `INSERT INTO gateway_fact (sequence, event_type, event_id, source, subject, fields, occurred_at)
         SELECT n, 'civil-affairs.household-status.changed.v1', 'e' || n, '/departments/civil-affairs', s, '{}', now() FROM unnest(ARRAY['p1.a', 'p1.b', 'p1.a']) WITH ORDINALITY AS u (s, n)`,
      );
      await before.query(
        `INSERT INTO gateway_record_key (member_id, pseudonym, field, sealed_original, original_pseudonym)
         VALUES ('education', 'p1.a', 'studentNumber', 'e1.x', 'p1.x'), ('education', 'p1.a', 'idNumber', 'e1.x', 'p1.y'), ('healthcare-security', 'p1.b', 'idNumber', 'e1.x', 'p1.z')`,
      );
      await runMigrationsExclusively(await after.initialize());
      const readable = await after.query<{ member_id: string; sequence: string; fact_sequence: string }[]>(
        'SELECT member_id, sequence, fact_sequence FROM gateway_member_fact ORDER BY member_id, sequence',
      );
      expect(readable.map((row) => `${row.member_id} ${row.sequence}=${row.fact_sequence}`)).toEqual(['education 1=1', 'education 3=3', 'healthcare-security 2=2']);
      const [next] = await after.query<{ sequence: string }[]>(`INSERT INTO gateway_member_fact (member_id, fact_sequence, event_type) VALUES ('education', 2, 't') RETURNING sequence`);
      expect(next.sequence).toBe('4');
    } finally {
      await before.destroy();
      if (after.isInitialized) await after.destroy();
      await earlier.drop();
    }
  });

  it('indexes the findings each audit entry names, and records a value that is not JSON as naming none', async () => {
    const finding = 'a'.repeat(64);
    const values = [
      { findingId: finding, change: 'raised' },
      { member: 'education', action: 'read-findings', items: [finding, 'b'.repeat(64)] },
      { type: 'education.student-enrolment.changed.v1', data: { studentId: 'p-1' } },
    ].map((value) => Buffer.from(JSON.stringify(value)));
    values.push(Buffer.from('"items": not JSON'), Buffer.from([0x22, 0x69, 0x74, 0x65, 0x6d, 0x73, 0x22, 0xff]));
    await dataSource.query(
      `INSERT INTO audit_entry (topic, partition, "offset", position, timestamp_ms, key, value, headers, previous_hash, hash)
       SELECT 'references', 0, n - 1, n, 0, NULL, v, '\\x00000000', '\\x00', '\\x00' FROM unnest($1::bytea[]) WITH ORDINALITY AS u(v, n)`,
      [values],
    );

    const naming = await database.query<{ offset: string }>(`SELECT "offset" FROM audit_entry WHERE topic = 'references' AND audit_finding_references(value) @> ARRAY[$1::text] ORDER BY "offset"`, [
      finding,
    ]);
    const recorded = await database.query<{ n: string }>(`SELECT count(*) AS n FROM audit_entry WHERE topic = 'references'`);

    expect(naming.map((row) => row.offset)).toEqual(['0', '1']);
    expect(recorded[0].n).toBe('5');
  });

  describe('inbox', () => {
    it('claims only the keys this consumer has not processed', async () => {
      const first = await dataSource.transaction((manager) => claimUnprocessed(manager, 'inbox-test', ['t/0/1', 't/0/2']));
      const second = await dataSource.transaction((manager) => claimUnprocessed(manager, 'inbox-test', ['t/0/2', 't/0/3']));
      expect([...first].sort()).toEqual(['t/0/1', 't/0/2']);
      expect([...second]).toEqual(['t/0/3']);
    });

    it('keeps consumers apart', async () => {
      await dataSource.transaction((manager) => claimUnprocessed(manager, 'consumer-a', ['t/1/1']));
      const claimed = await dataSource.transaction((manager) => claimUnprocessed(manager, 'consumer-b', ['t/1/1']));
      expect([...claimed]).toEqual(['t/1/1']);
    });

    it('forgets a claim whose transaction rolled back, so the record is processed again', async () => {
      await expect(
        dataSource.transaction(async (manager) => {
          await claimUnprocessed(manager, 'inbox-rollback', ['t/2/1']);
          throw new Error('effect failed');
        }),
      ).rejects.toThrow('effect failed');
      const claimed = await dataSource.transaction((manager) => claimUnprocessed(manager, 'inbox-rollback', ['t/2/1']));
      expect([...claimed]).toEqual(['t/2/1']);
    });
  });
});
