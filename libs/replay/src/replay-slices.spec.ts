import { toKafkaBinary } from '@hub/contracts';
import { ErrorCode } from '@hub/errors';
import type { InboundRecord } from '@hub/messaging';
import { POLICY_2026 } from '@hub/precise-aid';
import { HouseholdClusters } from './household-clusters.js';
import type { LogCut, LogSource } from './log-source.js';
import { replaySlices } from './replay-slices.js';
import { byFindingKey } from './reported-finding.js';

const HOUSEHOLD = 'civil-affairs.household-status.changed.v1';
const ENROLMENT = 'education.student-enrolment.changed.v1';
const AID = 'education.student-aid.granted.v1';
const CERTIFICATE = 'disability.certificate.changed.v1';
const INSURANCE = 'healthcare-security.insurance-enrolment.recorded.v1';

/** Pseudonyms and household numbers shaped as the gateway gives them. */
const person = (name: string) => `p1.person.${name.padEnd(43, '0').slice(0, 43)}`;
const householdNumber = (n: number) => `640104-${String(n).padStart(6, '0')}`;

/** A canonical topic's record as the gateway writes it: a CloudEvent in binary mode, keyed as the contract says. */
function record(type: string, key: string, data: Record<string, unknown>, offset: number): InboundRecord {
  const owner = type.split('.')[0];
  const message = toKafkaBinary(
    { specversion: '1.0', id: `${owner}-${type}-${offset}`, source: `/departments/${owner}`, type, time: '2026-09-02T08:00:00Z', datacontenttype: 'application/json', data },
    key,
  );
  return {
    topic: type,
    partition: 0,
    offset: String(offset),
    key: message.key,
    value: message.value,
    headers: message.headers,
    timestamp: String(Date.parse('2026-09-02T08:00:00Z')),
  };
}

/**
 * A small region: forty households of a father and a student, half on dibao (the student due aid,
 * a few granted it), some fathers certified disabled (which makes their child eligible too), two
 * pairs of households sharing a member, and persons in no household with insurance records only.
 */
function regionLog(): InboundRecord[] {
  const log = new Map<string, InboundRecord[]>();
  const add = (type: string, key: string, data: Record<string, unknown>) => {
    const records = log.get(type) ?? log.set(type, []).get(type)!;
    records.push(record(type, key, data, records.length));
  };
  for (let n = 0; n < 40; n++) {
    const [father, student] = [person(`father${n}`), person(`student${n}`)];
    const members = [
      { idNumber: father, name: '马建国', relationToHead: 'head' },
      { idNumber: student, name: '马小军', relationToHead: 'child' },
      ...(n % 10 === 0 ? [{ idNumber: person(`father${n + 1}`), name: '李秀兰', relationToHead: 'spouse' }] : []),
    ];
    add(HOUSEHOLD, householdNumber(n), {
      householdNumber: householdNumber(n),
      regionCode: '640104',
      category: n % 2 === 0 ? 'dibao' : 'marginal-low-income',
      change: 'granted',
      effectiveFrom: '2026-03-01',
      effectiveTo: null,
      members,
    });
    add(ENROLMENT, student, { idNumber: student, regionCode: '640104', stage: 'compulsory', grade: 9, term: '2026-autumn', change: 'enrolled', effectiveDate: '2026-09-01' });
    if (n % 4 === 0) add(AID, student, { idNumber: student, term: '2026-autumn', aidType: 'compulsory-living-subsidy', amountFen: 62500, grantedOn: '2026-10-20' });
    if (n % 3 === 0) add(CERTIFICATE, father, { idNumber: father, regionCode: '640104', category: 'physical', grade: 2, change: 'issued', effectiveDate: '2025-11-03' });
  }
  for (let n = 0; n < 30; n++)
    add(INSURANCE, person(`resident${n}`), { idNumber: person(`resident${n}`), regionCode: '640104', insuranceType: 'basic-medical', year: 2026, status: 'enrolled', recordedOn: '2025-12-20' });
  return [...log.values()].flat();
}

/** The log held in memory, as a source: each topic one partition. */
function sourceOf(records: readonly InboundRecord[]): LogSource {
  return {
    name: 'kafka',
    cutsAt: (topics) =>
      Promise.resolve(
        topics.filter((topic) => records.some((r) => r.topic === topic)).map((topic): LogCut => ({ topic, partition: 0, start: '0', end: String(records.filter((r) => r.topic === topic).length) })),
      ),
    async read(cuts, onBatch, keep) {
      const kept = records.filter((r) => cuts.some((cut) => cut.topic === r.topic) && (!keep || keep(r.key === null ? null : Buffer.from(r.key), 0, r.key === null ? 0 : Buffer.byteLength(r.key))));
      if (kept.length > 0) await onBatch(kept);
      return kept.length;
    },
    close: () => Promise.resolve(),
  };
}

async function replay(records: readonly InboundRecord[], slices: number[], of: number) {
  const source = sourceOf(records);
  const cuts = await source.cutsAt([HOUSEHOLD, ENROLMENT, AID, CERTIFICATE, INSURANCE], new Date());
  return replaySlices({ source, cuts, slices: { slices, of }, asOf: new Date('2026-11-30T00:00:00Z'), policy: POLICY_2026, evaluationDate: '2026-11-30' });
}

describe('replaying the log in slices of household clusters', () => {
  it('finds in its slices together exactly what the whole replay finds, each record stored by one slice', async () => {
    const log = regionLog();
    const whole = await replay(log, [0], 1);
    expect(whole.findings.length).toBeGreaterThan(20);

    for (const of of [2, 3, 5]) {
      const parts = await Promise.all(Array.from({ length: of }, (_, slice) => replay(log, [slice], of)));
      expect(parts.flatMap((part) => part.findings).sort(byFindingKey)).toEqual([...whole.findings].sort(byFindingKey));
      expect(parts.reduce((sum, part) => sum + part.records, 0)).toBe(log.length);
      expect(parts.reduce((sum, part) => sum + part.persons, 0)).toBe(whole.persons);
    }
  });

  it('finds the same when one thread works through several slices one after another', async () => {
    const log = regionLog();
    const [whole, inTurn] = [await replay(log, [0], 1), await replay(log, [0, 1, 2], 3)];

    expect([...inTurn.findings].sort(byFindingKey)).toEqual([...whole.findings].sort(byFindingKey));
    expect(inTurn.records).toBe(log.length);
  });

  it('refuses a log with a person record keyed by someone else, rather than judge that person short of facts', async () => {
    const log = regionLog();
    const clusters = new HouseholdClusters(2);
    for (const r of log.filter((r) => r.topic === HOUSEHOLD)) {
      const data = JSON.parse(r.value!.toString()) as { householdNumber: string; members: { idNumber: string }[] };
      clusters.join(
        data.householdNumber,
        data.members.map((m) => m.idNumber),
      );
    }
    const student = person('student1');
    const wrongKey = Array.from({ length: 50 }, (_, n) => person(`other${n}`)).find((key) => clusters.sliceOfPerson(key) !== clusters.sliceOfPerson(student))!;
    const misKeyed = record(AID, wrongKey, { idNumber: student, term: '2026-autumn', aidType: 'compulsory-living-subsidy', amountFen: 62500, grantedOn: '2026-10-20' }, 99);

    const slices = [0, 1].map((slice) => replay([...log, misKeyed], [slice], 2));

    await expect(slices[clusters.sliceOfPerson(wrongKey)]).rejects.toMatchObject({ code: ErrorCode.ReplayNotSliceable, message: expect.stringContaining(`holds facts about person ${student}`) });
    await expect(slices[clusters.sliceOfPerson(student)]).resolves.toBeDefined();
  });
});
