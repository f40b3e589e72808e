/**
 * A department's response to its finding, recorded as hub.finding-response.recorded.v1 (issue 16):
 * checked against the hub's contract, who responded as a keyed token, and no identity number in a
 * reason. The use case over stand-ins of its ports: the standard contract, and a producer that
 * keeps what it was given.
 */
import { ContractValidator, fromKafkaBinary } from '@hub/contracts';
import { ErrorCode } from '@hub/errors';
import { FINDING_RESPONSE_TYPE, FindingResponses } from '@hub/gateway';
import type { OutboundRecord } from '@hub/messaging';
import { Pseudonymiser, VersionedKeyRing } from '@hub/privacy';
import { standardContracts } from '../support/standard-contracts.js';
import { refusal } from '../support/refusal.js';

const FINDING_ID = 'a'.repeat(64);
const { schema, binding } = standardContracts().find((c) => c.binding.topic === FINDING_RESPONSE_TYPE)!;
const validator = new ContractValidator();
const id = validator.add(schema);
const pseudonymiser = new Pseudonymiser(new VersionedKeyRing([{ version: 1, secret: Buffer.alloc(32, 3) }]));

function responses() {
  const sent: OutboundRecord[] = [];
  const useCase = new FindingResponses(
    { forType: (type) => (type === FINDING_RESPONSE_TYPE ? { binding, lifecycle: 'active', schema, validate: (document) => validator.validate(id, document) } : undefined) },
    {
      send: (records) => {
        sent.push(...records);
        return Promise.resolve();
      },
    },
    pseudonymiser,
  );
  return { useCase, sent };
}

describe("recording a department's response to its finding", () => {
  it("publishes the response on the hub's topic, keyed by the finding, with who responded as a keyed token", async () => {
    const { useCase, sent } = responses();
    const { eventId } = await useCase.record('education', FINDING_ID, { response: 'resolved', reason: 'Aid granted', respondedBy: '张老师' });
    expect(sent.map((r) => r.topic)).toEqual([FINDING_RESPONSE_TYPE]);
    const [record] = sent;
    if (!record) throw new Error('nothing was published');
    const event = fromKafkaBinary({ key: record.key, value: Buffer.from(record.value ?? ''), headers: record.headers ?? {} });
    expect(event).toMatchObject({
      id: eventId,
      source: '/departments/education',
      subject: FINDING_ID,
      data: { findingId: FINDING_ID, department: 'education', response: 'resolved', reason: 'Aid granted' },
    });
    expect(JSON.stringify(event.data)).not.toContain('张老师');
  });

  it('refuses a response the contract does not know, saying which field, and publishes nothing', async () => {
    const { useCase, sent } = responses();
    const error = await refusal(useCase.record('education', FINDING_ID, { response: 'ignored', respondedBy: '张老师' }));
    expect(error.code).toBe(ErrorCode.BadRequest);
    expect(error.message).toMatch(/\/response/);
    expect(sent).toEqual([]);
  });

  it('refuses a reason that names a resident by identity number', async () => {
    const { useCase, sent } = responses();
    const error = await refusal(useCase.record('education', FINDING_ID, { response: 'disputed', reason: '该生640104201204150512已转学', respondedBy: '张老师' }));
    expect(error.message).toMatch(/\/reason: 含有公民身份号码/);
    expect(sent).toEqual([]);
  });
});
