/** Issue 25: the persons bulk loads put off are judged once each, however many loads touched them. */
import type { DataSource } from 'typeorm';
import { DeferredJudgements } from '@hub/crosscheck';
import { openMigratedDataSource } from '@hub/persistence';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const [CIVIL, EDUCATION, HEALTH] = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];

describe('the persons bulk loads put off judging', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const deferred = new DeferredJudgements();
  const left = async () => (await database.query<{ row: string }>(`SELECT load_id || '/' || person AS row FROM crosscheck_deferred_judgement ORDER BY 1`)).map((r) => r.row);

  beforeAll(async () => {
    database = await createTestDatabase('deferred_judgements');
    dataSource = await openMigratedDataSource(database.url);
  });

  beforeEach(async () => {
    await database.query('DELETE FROM crosscheck_deferred_judgement');
    await database.query('DELETE FROM crosscheck_bulk_load');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('takes a person once with their rows of every load that touched them, however few rows it may take', async () => {
    const persons = ['p1.a', 'p1.b', 'p1.c', 'p1.d'];
    await deferred.defer(dataSource.manager, CIVIL, persons);
    await deferred.defer(dataSource.manager, EDUCATION, persons);
    const taken = await dataSource.transaction((manager) => deferred.take(manager, [CIVIL, EDUCATION], 3));
    const rest = persons.filter((person) => !taken.includes(person));
    expect(taken.length).toBeGreaterThan(0);
    expect(await left()).toEqual(rest.flatMap((person) => [`${CIVIL}/${person}`, `${EDUCATION}/${person}`]).sort());
  });

  it("takes with a stored load's person their rows of a load still under way, and leaves that load's other persons", async () => {
    await deferred.defer(dataSource.manager, CIVIL, ['p1.a']);
    await deferred.defer(dataSource.manager, HEALTH, ['p1.a', 'p1.d']);
    const taken = await dataSource.transaction((manager) => deferred.take(manager, [CIVIL], 10));
    expect([taken, await left()]).toEqual([['p1.a'], [`${HEALTH}/p1.d`]]);
  });

  it('gives two transactions taking at once different persons', async () => {
    const persons = Array.from({ length: 40 }, (_, i) => `p1.person-${i}`);
    await deferred.defer(dataSource.manager, CIVIL, persons);
    await deferred.defer(dataSource.manager, EDUCATION, persons);
    let second: string[] = [];
    const first = await dataSource.transaction(async (manager) => {
      const mine = await deferred.take(manager, [CIVIL, EDUCATION], 20);
      second = await dataSource.transaction((other) => deferred.take(other, [CIVIL, EDUCATION], 20));
      return mine;
    });
    // 20 rows each: 10 persons, with their rows of both loads.
    expect([first.length, second.length, new Set([...first, ...second]).size, (await left()).length]).toEqual([10, 10, 20, 40]);
  });

  it('names the loads with persons left: those asked about, and those already released', async () => {
    const load = (id: string, judged: boolean) =>
      database.query(`INSERT INTO crosscheck_bulk_load (load_id, department, opened_at, judged_at) VALUES ($1, 'd', now(), ${judged ? 'now()' : 'NULL'})`, [id]);
    await load(CIVIL, false);
    await load(EDUCATION, true);
    await load(HEALTH, false);
    await deferred.defer(dataSource.manager, CIVIL, ['p1.a']);
    await deferred.defer(dataSource.manager, EDUCATION, ['p1.b']);
    await deferred.defer(dataSource.manager, HEALTH, ['p1.c']);
    expect((await deferred.loadsWithPersonsLeft(dataSource.manager, [CIVIL])).sort()).toEqual([CIVIL, EDUCATION]);
  });
});
