/** The crosscheck's facts in PostgreSQL: what a person's view reads back is what was stored. */
import type { DataSource } from 'typeorm';
import type { Fact } from '@hub/precise-aid';
import { openMigratedDataSource } from '@hub/persistence';
import { FactStore } from '../../libs/crosscheck/src/fact-store.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const [child, parent, household] = ['p1.fact-store-child', 'p1.fact-store-parent', 'h1.fact-store-household'];
const knownAt = '2026-09-01T08:00:00.000Z';

const status: Fact = {
  kind: 'household-status',
  household,
  category: '低保',
  change: 'granted',
  from: '2026-01-01',
  to: null,
  members: [
    { person: parent, relation: '户主' },
    { person: child, relation: '子女' },
  ],
  area: 'rural',
  evidence: { eventId: 'civil-affairs-1', source: '/departments/civil-affairs', type: 'cn.gov.nx.civil-affairs.household-status.v2', knownAt },
};
const enrolment: Fact = {
  kind: 'enrolment',
  person: child,
  stage: 'compulsory',
  term: '2026-autumn',
  change: 'enrolled',
  effectiveDate: '2026-09-01',
  evidence: { eventId: 'education-1', source: '/departments/education', type: 'cn.gov.nx.education.student-enrolment.v2', knownAt },
};
const certificate: Fact = {
  kind: 'certificate',
  person: parent,
  category: '肢体',
  grade: 1,
  change: 'issued',
  effectiveDate: '2025-05-01',
  evidence: { eventId: 'disability-1', source: '/departments/disability', type: 'cn.gov.nx.disability.certificate.v1', knownAt },
};

describe('the facts the crosscheck keeps', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const store = new FactStore();

  beforeAll(async () => {
    database = await createTestDatabase('fact_store');
    dataSource = await openMigratedDataSource(database.url);
    await dataSource.transaction((manager) => store.insert(manager, [status, enrolment, certificate]));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it("gives back in a person's view their facts, their household's and their housemates', as they were stored", async () => {
    const [view] = await store.views(dataSource.manager, [child]);
    expect(view).toEqual({ person: child, facts: [enrolment], householdFacts: [status], relativeFacts: [certificate] });
  });

  it('gives the evidence with its keys in the order jsonb gives them, as when the whole fact was kept as jsonb, so the findings announced cite it as before', async () => {
    const [view] = await store.views(dataSource.manager, [child]);
    const [row] = await database.query<{ evidence: unknown }>('SELECT $1::jsonb AS evidence', [JSON.stringify([enrolment.evidence])]);
    expect(JSON.stringify(view.facts.map((fact) => fact.evidence))).toBe(JSON.stringify(row.evidence));
  });
});
