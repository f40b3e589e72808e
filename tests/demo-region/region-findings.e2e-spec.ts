import { generateRegion, REGION_DAY, type DepartmentRecord, type ExpectedFinding } from '@hub/demo-region';
import { VersionedKeyRing, Pseudonymiser } from '@hub/privacy';
import type { AppProcess } from '../support/app-process.js';
import { EVALUATION_DATE, startCrosscheck } from '../support/crosscheck-process.js';
import { eventually } from '../support/eventually.js';
import { asMember, bodyOf, startGatewayTestBed, TEST_PSEUDONYM_KEYS, type GatewayTestBed } from '../support/gateway-test-bed.js';

const pseudonymiser = new Pseudonymiser(VersionedKeyRing.parse(TEST_PSEUDONYM_KEYS));
const DEPARTMENTS = ['civil-affairs', 'rural-revitalisation', 'education', 'disability', 'healthcare-security'];

describe('a synthetic region through the whole hub', () => {
  let bed: GatewayTestBed;
  let crosscheck: AppProcess;
  const records: DepartmentRecord[] = [];
  const expected: ExpectedFinding[] = [];

  beforeAll(async () => {
    for (const household of generateRegion({ persons: 2000, seed: 11 })) {
      records.push(...household.records);
      expected.push(...household.expected);
    }
    bed = await startGatewayTestBed('region-findings', { members: DEPARTMENTS.map((id) => ({ id, role: 'department' as const })) });
    crosscheck = await startCrosscheck(bed.database.url, bed.findingsTopic, { settleMs: 500 });
  });

  afterAll(async () => {
    await crosscheck?.stop();
    await bed?.stop();
  });

  it('is judged as of the day the region was generated for', () => {
    expect(EVALUATION_DATE).toBe(REGION_DAY);
  });

  it('raises exactly the planted findings: recall and precision 100 %', async () => {
    for (const department of DEPARTMENTS) {
      const own = records.filter((r) => r.department === department).map((r) => JSON.stringify(r.record));
      for (let from = 0; from < own.length; from += 1000) {
        const outcome = await bodyOf(await asMember(bed, department).post('/v1/events', own.slice(from, from + 1000).join('\n'), 'application/x-ndjson'));
        expect([department, outcome.rejected]).toEqual([department, 0]);
      }
    }
    const eventIds = records.map((r) => r.record.id);
    await eventually(
      'the crosscheck has every record and nothing left to announce',
      async () => {
        const [facts] = await bed.database.query<{ n: number }>('SELECT count(*)::int AS n FROM crosscheck_fact WHERE event_id = ANY($1)', [eventIds]);
        const [pending] = await bed.database.query<{ n: number }>('SELECT count(*)::int AS n FROM crosscheck_outbox WHERE published_at IS NULL');
        return facts.n === eventIds.length && pending.n === 0;
      },
      120_000,
    );

    const subjects = new Map<string, string>();
    for (const { record } of records) {
      const ids = [record.data['idNumber'], ...((record.data['members'] as { idNumber: string }[] | undefined) ?? []).map((m) => m.idNumber)].filter((id): id is string => typeof id === 'string');
      for (const id of ids) subjects.set(pseudonymiser.pseudonymise('person', id), id);
    }
    const found = (
      await bed.database.query<{ rule: string; subject: string; period: string; item: string | null }>(
        `SELECT rule, subject, finding ->> 'period' AS period, finding ->> 'item' AS item FROM crosscheck_finding WHERE state = 'open' AND subject = ANY($1)`,
        [[...subjects.keys()]],
      )
    ).map((f) => `${f.rule} ${subjects.get(f.subject)} ${f.period}${f.item ? ` ${f.item}` : ''}`);
    const planted = expected.map((e) => `${e.rule} ${e.idNumber} ${e.period}${e.item ? ` ${e.item}` : ''}`);
    const missed = planted.filter((p) => !found.includes(p));
    const extra = found.filter((f) => !planted.includes(f));
    expect(planted.length).toBeGreaterThan(20);
    expect({ missed, extra }).toEqual({ missed: [], extra: [] });
  });
});
