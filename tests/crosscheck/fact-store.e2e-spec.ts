/** The crosscheck's facts in PostgreSQL: what a person's view reads back is what was stored. */
import type { DataSource } from 'typeorm';
import { openMigratedDataSource } from '@hub/persistence';
import { FactStore } from '../../libs/crosscheck/src/fact-store.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { exampleFamily } from './example-facts.js';

const [child, parent, household] = ['p1.fact-store-child', 'p1.fact-store-parent', 'h1.fact-store-household'];
const { status, enrolment, certificate } = exampleFamily({ parent, child, household });

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
