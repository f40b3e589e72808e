/** Issue 25: the shared facts each member may read, indexed by member, as PostgreSQL keeps them. */
import type { DataSource } from 'typeorm';
import { PostgresSharedFactRepository } from '@hub/gateway';
import { openMigratedDataSource } from '@hub/persistence';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const HOUSEHOLD = 'civil-affairs.household-status.changed.v1';
const fact = (eventId: string, subject: string) => ({
  source: { eventType: HOUSEHOLD, eventId, source: '/departments/civil-affairs', occurredAt: '2026-12-01T00:00:00.000Z' },
  fact: { subject, fields: { category: 'dibao' } },
});

describe("the shared facts' store, by member", () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let facts: PostgresSharedFactRepository;
  const readBy = async (member: string) => (await facts.knownTo(member, [HOUSEHOLD], { limit: 100 })).map((f) => `${f.eventId}/${f.subject}`);
  const knows = (member: string, subject: string) =>
    database.query(`INSERT INTO gateway_record_key (member_id, pseudonym, field, sealed_original, original_pseudonym) VALUES ($1, $2, 'studentNumber', 'e1.x', 'p1.x')`, [member, subject]);

  beforeAll(async () => {
    database = await createTestDatabase('shared_fact_repository');
    dataSource = await openMigratedDataSource(database.url);
    facts = new PostgresSharedFactRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('shows a fact being kept to the members that know its person, and to no other', async () => {
    await knows('education', 'p1.kept');
    await facts.keep([fact('h1', 'p1.kept'), fact('h1', 'p1.stranger')]);
    expect([await readBy('education'), await readBy('healthcare-security')]).toEqual([['h1/p1.kept'], []]);
  });

  it('shows a fact kept before to a member that came to know its person, once it says so', async () => {
    await facts.keep([fact('h2', 'p1.later')]);
    await knows('healthcare-security', 'p1.later');
    expect(await readBy('healthcare-security')).toEqual([]);
    await facts.knownBy('healthcare-security', ['p1.later']);
    expect(await readBy('healthcare-security')).toEqual(['h2/p1.later']);
  });

  it('shows a fact kept again (a redelivery) to the members that know its person by now', async () => {
    await facts.keep([fact('h3', 'p1.redelivered')]);
    await knows('education', 'p1.redelivered');
    await facts.keep([fact('h3', 'p1.redelivered')]);
    expect(await readBy('education')).toContain('h3/p1.redelivered');
  });
});
