import { identityCheckCharacter } from '@hub/contracts';
import type { DeliveredFinding, FindingChange } from './delivered-finding.js';
import { FindingDelivery } from './finding-delivery.js';
import type { FindingRepository, HeldFinding, HeldFindingRow } from './finding.repository.js';

const identityNumber = (() => {
  const first17 = '64010420120415051';
  return `${first17}${identityCheckCharacter(first17)}`;
})();

const finding: DeliveredFinding & { routedTo: string } = {
  findingId: 'a'.repeat(64),
  rule: 'missed-student-aid',
  ruleVersion: '1.4.0',
  state: 'open',
  period: '2026-spring',
  explanation: '…',
  evidence: [],
  subject: 'p1.person.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  recordKeys: { studentNumber: `G${identityNumber}`, schoolCode: '2164010401' },
  responses: [],
  occurredAt: '2026-09-02T08:00:00.000Z',
  sequence: '7',
  routedTo: 'education',
};

describe("a finding on a member's Kafka findings topic (FindingDelivery.forKafka)", () => {
  it('masks the identity number a record key embeds (学籍号 G + 公民身份号码): topics keep what they carry', () => {
    expect(JSON.stringify(FindingDelivery.forKafka(finding).recordKeys)).not.toContain(identityNumber);
  });

  it('keeps the record keys that embed none, and the rest of the finding, as they are', () => {
    const forKafka = FindingDelivery.forKafka(finding);
    expect(forKafka.recordKeys['schoolCode']).toBe('2164010401');
    expect({ ...forKafka, recordKeys: undefined }).toEqual({ ...finding, recordKeys: undefined });
  });

  it('leaves the finding it was given unchanged (the HTTP API gives the keys whole)', () => {
    FindingDelivery.forKafka(finding);
    expect(finding.recordKeys['studentNumber']).toBe(`G${identityNumber}`);
  });
});

/** A repository that holds every finding it is given (as the upsert does a newer change), counting sequences, and remembers each call. */
function heldInMemory(refuse: (finding: HeldFinding) => boolean = () => false) {
  const calls: { routedTo: string; finding: HeldFinding }[][] = [];
  let sequence = 0;
  const repository: Pick<FindingRepository, 'hold'> = {
    hold: (findings) => {
      calls.push([...findings]);
      return Promise.resolve(findings.filter(({ finding }) => !refuse(finding)).map(({ routedTo, finding }): HeldFindingRow => ({ routedTo, finding, sequence: String(++sequence) })));
    },
  };
  return { repository: repository as FindingRepository, calls };
}

function recordKeysOf(keys: Record<string, Record<string, Record<string, string>>>) {
  const asked: { member: string; pseudonyms: readonly string[] }[] = [];
  return {
    asked,
    ledger: {
      recordKeys: (member: string, pseudonyms: readonly string[]) => {
        asked.push({ member, pseudonyms });
        return Promise.resolve(new Map(pseudonyms.flatMap((p) => (keys[member]?.[p] ? [[p, keys[member][p]] as const] : []))));
      },
    },
  };
}

const change = (overrides: Partial<FindingChange>): FindingChange => ({
  findingId: 'b'.repeat(64),
  rule: 'insurance-gap',
  ruleVersion: '1.4.0',
  change: 'raised',
  subject: 'p1.person.one',
  period: '2026',
  routedTo: 'healthcare-security',
  explanation: '…',
  evidence: [],
  occurredAt: '2026-09-02T08:00:00.000Z',
  ...overrides,
});

describe('FindingDelivery.apply: what a department holds of finding changes', () => {
  it('holds a finding changed twice in one batch in order, one change per upsert (an upsert may touch a row once)', async () => {
    const { repository, calls } = heldInMemory();
    const delivery = new FindingDelivery(repository, recordKeysOf({}).ledger);
    await delivery.apply([change({ change: 'raised' }), change({ findingId: 'c'.repeat(64) }), change({ change: 'closed', occurredAt: '2026-10-01T00:00:00.000Z' })]);
    expect(calls.map((call) => call.map(({ finding }) => `${finding.findingId[0]}:${finding.state}`))).toEqual([['b:open', 'c:open'], ['b:closed']]);
  });

  it('holds a closed change as closed and a raised or updated one as open, without the fields a department may not see', async () => {
    const { repository, calls } = heldInMemory();
    await new FindingDelivery(repository, recordKeysOf({}).ledger).apply([change({ change: 'updated', reveal: { purpose: '资助参保' } }), change({ findingId: 'd'.repeat(64), change: 'closed' })]);
    const held = calls.flat().map(({ finding }) => finding);
    expect(held.map((finding) => finding.state)).toEqual(['open', 'closed']);
    expect(held[0]).toEqual(expect.objectContaining({ reveal: { purpose: '资助参保' }, responses: [] }));
    expect(held.every((finding) => !('routedTo' in finding) && !('change' in finding))).toBe(true);
  });

  it("gives each finding its member's own record keys, opened once per member for the subjects of its findings", async () => {
    const { repository } = heldInMemory();
    const { ledger, asked } = recordKeysOf({ education: { 'p1.person.one': { studentNumber: 'G1' } } });
    const delivered = await new FindingDelivery(repository, ledger).apply([
      change({ routedTo: 'education' }),
      change({ routedTo: 'education', findingId: 'e'.repeat(64) }),
      change({ routedTo: 'civil-affairs', findingId: 'f'.repeat(64) }),
    ]);
    expect(asked).toEqual([
      { member: 'education', pseudonyms: ['p1.person.one'] },
      { member: 'civil-affairs', pseudonyms: ['p1.person.one'] },
    ]);
    expect(delivered.map((finding) => [finding.routedTo, finding.recordKeys])).toEqual([
      ['education', { studentNumber: 'G1' }],
      ['education', { studentNumber: 'G1' }],
      ['civil-affairs', {}],
    ]);
  });

  it('delivers only what the repository changed: a redelivered or older change is not sent to the department again', async () => {
    const { repository } = heldInMemory((finding) => finding.occurredAt < '2026-09-01');
    const delivered = await new FindingDelivery(repository, recordKeysOf({}).ledger).apply([change({ occurredAt: '2026-08-01T00:00:00.000Z' }), change({ findingId: 'c'.repeat(64) })]);
    expect(delivered.map((finding) => finding.findingId)).toEqual(['c'.repeat(64)]);
  });
});
