import { identityCheckCharacter } from '@hub/contracts';
import { FindingDelivery, type DeliveredFinding } from './finding-delivery.js';

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
