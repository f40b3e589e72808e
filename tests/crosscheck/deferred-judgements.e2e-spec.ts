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
  /** Two transactions taking at once from both loads' persons: the second takes while the first holds what it took. */
  const takeAtOnce = async (persons: readonly string[], limit: number): Promise<[string[], string[]]> => {
    await deferred.defer(dataSource.manager, CIVIL, persons);
    await deferred.defer(dataSource.manager, EDUCATION, persons);
    let second: string[] = [];
    const first = await dataSource.transaction(async (manager) => {
      const mine = await deferred.take(manager, [CIVIL, EDUCATION], limit);
      second = await dataSource.transaction((other) => deferred.take(other, [CIVIL, EDUCATION], limit));
      return mine;
    });
    return [first, second];
  };
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

  it('takes a person with their rows of every load that touched them at once', async () => {
    const persons = ['p1.a', 'p1.b', 'p1.c', 'p1.d'];
    await deferred.defer(dataSource.manager, CIVIL, persons);
    await deferred.defer(dataSource.manager, EDUCATION, persons);
    const taken = await dataSource.transaction((manager) => deferred.take(manager, [CIVIL, EDUCATION], 4));
    const rest = persons.filter((person) => !taken.includes(person));
    expect(taken).toHaveLength(2);
    expect(await left()).toEqual(rest.flatMap((person) => [`${CIVIL}/${person}`, `${EDUCATION}/${person}`]).sort());
  });

  it('leaves the rows of a load not among those given, whose later records of the person may not be stored yet', async () => {
    await deferred.defer(dataSource.manager, CIVIL, ['p1.a', 'p1.b']);
    await deferred.defer(dataSource.manager, HEALTH, ['p1.a']);
    const taken = await dataSource.transaction((manager) => deferred.take(manager, [CIVIL], 10));
    expect([taken, await left()]).toEqual([['p1.a', 'p1.b'], [`${HEALTH}/p1.a`]]);
  });

  it('gives two transactions taking at once different persons', async () => {
    const [first, second] = await takeAtOnce(
      Array.from({ length: 40 }, (_, i) => `p1.person-${i}`),
      20,
    );
    // 20 rows each: 10 persons, with their rows of both loads.
    expect([first.length, second.length, new Set([...first, ...second]).size, (await left()).length]).toEqual([10, 10, 20, 40]);
  });

  it('does not wait for another transaction taking at once, even for a person the limit splits between them', async () => {
    const [first, second] = await takeAtOnce(['p1.a', 'p1.b', 'p1.c', 'p1.d'], 3);
    const both = first.filter((person) => second.includes(person));
    expect([first.length, second.length, both.length, (await left()).length]).toEqual([2, 2, 1, 2]);
  });

  it('gives takers in different lanes persons of different judging-lock buckets, so neither waits on the other', async () => {
    const persons = Array.from({ length: 400 }, (_, i) => `p1.person-${i}`);
    await deferred.defer(dataSource.manager, CIVIL, persons);
    const bucketOf = new Map((await database.query<{ person: string; bucket: number }>('SELECT person, bucket FROM crosscheck_deferred_judgement')).map((row) => [row.person, row.bucket]));
    const [low, high] = await dataSource.transaction(async (manager) => {
      const mine = await deferred.take(manager, [CIVIL], 150, { lane: 0, lanes: 2 });
      return [mine, await dataSource.transaction((other) => deferred.take(other, [CIVIL], 150, { lane: 1, lanes: 2 }))];
    });
    expect([low.length, high.length]).toEqual([150, 150]);
    expect([low.every((person) => bucketOf.get(person)! < 32768), high.every((person) => bucketOf.get(person)! >= 32768)]).toEqual([true, true]);
  });

  it('names the loads with persons left, and which of them are released already', async () => {
    const load = (id: string, judged: boolean) =>
      database.query(`INSERT INTO crosscheck_bulk_load (load_id, department, opened_at, judged_at) VALUES ($1, 'd', now(), ${judged ? 'now()' : 'NULL'})`, [id]);
    await load(CIVIL, false);
    await load(EDUCATION, true);
    await load(HEALTH, false);
    await deferred.defer(dataSource.manager, CIVIL, ['p1.a']);
    await deferred.defer(dataSource.manager, EDUCATION, ['p1.b']);
    const left = await deferred.loadsWithPersonsLeft(dataSource.manager);
    expect(left.sort((a, b) => a.loadId.localeCompare(b.loadId))).toEqual([
      { loadId: CIVIL, openedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), released: false },
      { loadId: EDUCATION, openedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), released: true },
    ]);
  });
});
