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
  /** Each deferred person's judging-lock bucket. */
  const bucketsOf = async () => new Map((await database.query<{ person: string; bucket: number }>('SELECT person, bucket FROM crosscheck_deferred_judgement')).map((row) => [row.person, row.bucket]));
  const personsNamed = (count: number) => Array.from({ length: count }, (_, i) => `p1.person-${i}`);

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

  it('takes the persons of the buckets it is given, with their rows of every load that touched them', async () => {
    const persons = personsNamed(6);
    await deferred.defer(dataSource.manager, CIVIL, persons);
    await deferred.defer(dataSource.manager, EDUCATION, persons);
    const bucketOf = await bucketsOf();
    const firstTwo = [...new Set(bucketOf.values())].sort((a, b) => a - b).slice(0, 2);
    const taken = await dataSource.transaction((manager) => deferred.take(manager, [CIVIL, EDUCATION], { after: -1, buckets: 2 }));
    expect(taken).toEqual({ persons: persons.filter((person) => firstTwo.includes(bucketOf.get(person)!)).sort(), lastBucket: firstTwo[1] });
    const rest = persons.filter((person) => !taken.persons.includes(person));
    expect(await left()).toEqual(rest.flatMap((person) => [`${CIVIL}/${person}`, `${EDUCATION}/${person}`]).sort());
  });

  it('takes only buckets after the one it is given', async () => {
    const persons = personsNamed(40);
    await deferred.defer(dataSource.manager, CIVIL, persons);
    const bucketOf = await bucketsOf();
    const middle = [...bucketOf.values()].sort((a, b) => a - b)[20];
    const taken = await dataSource.transaction((manager) => deferred.take(manager, [CIVIL], { after: middle, buckets: 65536 }));
    expect(taken.persons).toEqual(persons.filter((person) => bucketOf.get(person)! > middle).sort());
  });

  it('takes nothing, and names no last bucket, when no bucket after the one given has persons', async () => {
    await deferred.defer(dataSource.manager, CIVIL, ['p1.a']);
    const [bucket] = (await bucketsOf()).values();
    expect(await dataSource.transaction((manager) => deferred.take(manager, [CIVIL], { after: bucket, buckets: 65536 }))).toEqual({ persons: [] });
  });

  it('leaves the rows of a load not among those given, whose later records of the person may not be stored yet', async () => {
    await deferred.defer(dataSource.manager, CIVIL, ['p1.a', 'p1.b']);
    await deferred.defer(dataSource.manager, HEALTH, ['p1.a']);
    const taken = await dataSource.transaction((manager) => deferred.take(manager, [CIVIL], { after: -1, buckets: 10 }));
    expect([taken.persons, await left()]).toEqual([['p1.a', 'p1.b'], [`${HEALTH}/p1.a`]]);
  });

  it('gives a second transaction taking at once the buckets after those the first holds, without waiting for it', async () => {
    const persons = personsNamed(40);
    await deferred.defer(dataSource.manager, CIVIL, persons);
    await deferred.defer(dataSource.manager, EDUCATION, persons);
    const bucketOf = await bucketsOf();
    const buckets = [...new Set(bucketOf.values())].sort((a, b) => a - b);
    const [first, second] = await dataSource.transaction(async (manager) => {
      const mine = await deferred.take(manager, [CIVIL, EDUCATION], { after: -1, buckets: 5 });
      return [mine, await dataSource.transaction((other) => deferred.take(other, [CIVIL, EDUCATION], { after: -1, buckets: 5 }))];
    });
    const personsIn = (some: number[]) => persons.filter((person) => some.includes(bucketOf.get(person)!)).sort();
    expect([first.persons, second.persons]).toEqual([personsIn(buckets.slice(0, 5)), personsIn(buckets.slice(5, 10))]);
  });

  it('skips a bucket whose judging lock another transaction holds (a batch judging one of its persons), without waiting for it', async () => {
    const persons = personsNamed(10);
    await deferred.defer(dataSource.manager, CIVIL, persons);
    const bucketOf = await bucketsOf();
    const judgedElsewhere = persons[3];
    const taken = await dataSource.transaction(async (manager) => {
      await manager.query('SELECT bucket FROM crosscheck_judging_lock WHERE bucket = $1 FOR UPDATE', [bucketOf.get(judgedElsewhere)]);
      return dataSource.transaction((other) => deferred.take(other, [CIVIL], { after: -1, buckets: 65536 }));
    });
    expect(taken.persons).toEqual(persons.filter((person) => bucketOf.get(person) !== bucketOf.get(judgedElsewhere)).sort());
    expect(await left()).toEqual(persons.filter((person) => bucketOf.get(person) === bucketOf.get(judgedElsewhere)).map((person) => `${CIVIL}/${person}`));
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
