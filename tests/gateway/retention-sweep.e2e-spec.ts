/** Issue 20, retention: what the gateway keeps for a purpose goes when the purpose does. */
import type { DataSource } from 'typeorm';
import { PostgresRetentionRepository, RetentionSweep } from '@hub/gateway';
import { openMigratedDataSource } from '@hub/persistence';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const NOW = new Date('2026-12-06T00:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe("the gateway's retention sweep (issue 20)", () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('retention_sweep');
    dataSource = await openMigratedDataSource(database.url);
    const rejection = (id: string, at: Date) =>
      database.query(`INSERT INTO gateway_rejection (member_id, event_id, channel, problems, sealed_record, rejected_at) VALUES ('education', $1, 'http', '[]', 'e1.x', $2)`, [id, at]);
    await rejection('old', daysAgo(181));
    await rejection('recent', daysAgo(179));
    const identity = (pseudonym: string, at: Date) =>
      database.query(`INSERT INTO gateway_identity (pseudonym, sealed_identity, identity_token, updated_at) VALUES ($1, 'e1.x', 't', $2)`, [pseudonym, at]);
    await identity('p1.person.forgotten', daysAgo(400));
    await identity('p1.person.needed', daysAgo(400));
    await identity('p1.person.recent', daysAgo(10));
    await identity('p1.person.closed', daysAgo(400));
    const finding = (id: string, subject: string, state: string) =>
      database.query(`INSERT INTO gateway_finding (member_id, finding_id, rule, state, period, finding, occurred_at) VALUES ('healthcare-security', $1, 'insurance-gap', $2, '2026', $3, now())`, [
        id.repeat(64),
        state,
        JSON.stringify({ subject }),
      ]);
    await finding('a', 'p1.person.needed', 'open');
    await finding('b', 'p1.person.closed', 'closed');
    const recordKey = async (member: string, pseudonym: string, lastRecorded?: Date) => {
      await database.query(`INSERT INTO gateway_record_key (member_id, pseudonym, field, sealed_original, original_pseudonym) VALUES ($1, $2, 'studentNumber', 'e1.x', 'p1.x')`, [member, pseudonym]);
      if (lastRecorded) {
        await database.query(`INSERT INTO gateway_subject_activity (member_id, subject, records, first_recorded_at, last_recorded_at) VALUES ($1, $2, 1, $3, $3)`, [member, pseudonym, lastRecorded]);
      }
    };
    await recordKey('education', 'p1.person.left-school', daysAgo(731));
    await recordKey('education', 'p1.person.enrolled', daysAgo(30));
    await recordKey('healthcare-security', 'p1.person.needed', daysAgo(731));
    await recordKey('education', 'p1.household.untracked');
    const readableFact = async (member: string, subject: string) => {
      const [{ sequence }] = await database.query(
        `INSERT INTO gateway_fact (event_type, event_id, source, subject, fields, occurred_at) VALUES ('civil-affairs.household-status.changed.v1', $1, '/departments/civil-affairs', $1, '{}', now()) RETURNING sequence`,
        [subject],
      );
      await database.query(`INSERT INTO gateway_member_fact (member_id, fact_sequence, event_type) VALUES ($1, $2, 'civil-affairs.household-status.changed.v1')`, [member, sequence]);
    };
    await readableFact('education', 'p1.person.left-school');
    await readableFact('education', 'p1.person.enrolled');
    expect(await new RetentionSweep(new PostgresRetentionRepository(dataSource), { rejectionDays: 180, identityVaultDays: 365, recordKeyDays: 730 }).run(NOW)).toEqual({
      rejections: 1,
      identities: 2,
      recordKeys: 1,
    });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('deletes rejected records older than their retention and keeps the others', async () => {
    expect((await database.query('SELECT event_id FROM gateway_rejection')).map((r) => r['event_id'])).toEqual(['recent']);
  });

  it("deletes a member's record keys of a person it has not named for longer than their retention, unless a finding about them is open at the member", async () => {
    expect((await database.query('SELECT member_id, pseudonym FROM gateway_record_key ORDER BY member_id, pseudonym')).map((r) => `${r['member_id']}/${r['pseudonym']}`)).toEqual([
      'education/p1.household.untracked',
      'education/p1.person.enrolled',
      'healthcare-security/p1.person.needed',
    ]);
  });

  it('takes from the member the facts about a person whose record keys it deleted', async () => {
    const readable = await database.query('SELECT m.member_id, f.subject FROM gateway_member_fact m JOIN gateway_fact f ON f.sequence = m.fact_sequence');
    expect(readable.map((r) => `${r['member_id']}/${r['subject']}`)).toEqual(['education/p1.person.enrolled']);
  });

  it("forgets a resident past the vault's retention unless an open finding is about them", async () => {
    expect((await database.query('SELECT pseudonym FROM gateway_identity ORDER BY pseudonym')).map((r) => r['pseudonym'])).toEqual(['p1.person.needed', 'p1.person.recent']);
  });
});
