import { canonicalForm, ContractValidator } from '@hub/contracts';
import { IDENTITY_NUMBER_OUTSIDE_IDENTIFIERS, prepareCanonicalEvent, type IngestContract } from '@hub/ingest';
import { VersionedKeyRing, Pseudonymiser } from '@hub/privacy';
import { standardContracts } from '../support/standard-contracts.js';

const pseudonymiser = new Pseudonymiser(new VersionedKeyRing([{ version: 1, secret: Buffer.alloc(32, 9) }]));
const NOW = new Date('2026-09-01T08:00:00Z');
const IDENTITY_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/;

function contractFor(name: string, lifecycle = 'active'): IngestContract & { example: Record<string, unknown> } {
  const { schema, binding } = standardContracts().find((c) => c.name === name)!;
  const validator = new ContractValidator();
  const id = validator.add(schema);
  return {
    binding,
    lifecycle,
    schema,
    validate: (document) => validator.validate(id, document),
    example: (schema['examples'] as Record<string, unknown>[])[0],
  };
}

describe('preparing a department record as a canonical event', () => {
  const household = contractFor('civil-affairs/household-status.changed.v1');
  const record = { id: 'ca-2026-000123', type: 'civil-affairs.household-status.changed.v1', data: household.example };

  it("accepts a valid record of the department's own type as a CloudEvent on its topic, keyed by the household pseudonym", () => {
    const prepared = prepareCanonicalEvent('civil-affairs', record, household, pseudonymiser, NOW);
    expect(prepared.status).toBe('accepted');
    if (prepared.status !== 'accepted') return;
    expect(prepared.topic).toBe('civil-affairs.household-status.changed.v1');
    expect(prepared.key).toBe(pseudonymiser.pseudonymise('civil-affairs-household-number', '640104-000123'));
    expect(prepared.event).toMatchObject({
      specversion: '1.0',
      id: 'ca-2026-000123',
      source: '/departments/civil-affairs',
      type: 'civil-affairs.household-status.changed.v1',
      time: '2026-09-01T08:00:00.000Z',
      subject: prepared.key,
      dataschema: 'urn:nx-hub:contract:civil-affairs.household-status.changed:v1',
    });
    expect(JSON.stringify(prepared.event)).not.toMatch(IDENTITY_NUMBER);
  });

  it("gives every standard contract's example an event whose data keeps the contract's canonical (pseudonymised) form", () => {
    const validator = new ContractValidator();
    for (const contract of standardContracts()) {
      const binding = contract.binding;
      const ingest = { ...contractFor(contract.name), lifecycle: 'active' };
      const prepared = prepareCanonicalEvent(binding.owner, { id: 'e-1', type: binding.topic, data: ingest.example }, ingest, pseudonymiser, NOW);
      if (prepared.status !== 'accepted') throw new Error(`${contract.name}: ${JSON.stringify(prepared.rejections)}`);
      const id = validator.add({ ...canonicalForm(contract.schema), $id: `urn:test:canonical:${contract.name}` });
      expect([contract.name, validator.validate(id, prepared.event.data)]).toEqual([contract.name, { valid: true }]);
    }
  });

  it("refuses another department's event type, naming the owner", () => {
    expect(prepareCanonicalEvent('education', record, household, pseudonymiser, NOW)).toEqual({
      status: 'rejected',
      rejections: [{ path: '/type', reason: '"civil-affairs.household-status.changed.v1" belongs to civil-affairs; education may not publish it' }],
    });
  });

  it('refuses an unknown or disabled event type', () => {
    expect(prepareCanonicalEvent('civil-affairs', { ...record, type: 'civil-affairs.pets.v1' }, undefined, pseudonymiser, NOW)).toMatchObject({ status: 'rejected', rejections: [{ path: '/type' }] });
    expect(prepareCanonicalEvent('civil-affairs', record, { ...household, lifecycle: 'disabled' }, pseudonymiser, NOW)).toMatchObject({ status: 'rejected', rejections: [{ path: '/type' }] });
  });

  it('refuses data that breaks the contract, with each field path under /data and the reason', () => {
    const members = household.example['members'] as Record<string, unknown>[];
    const bad = { ...household.example, category: 'poor', members: [{ ...members[0], idNumber: '640104198506120315' }] };
    const prepared = prepareCanonicalEvent('civil-affairs', { ...record, data: bad }, household, pseudonymiser, NOW);
    expect(prepared).toEqual({
      status: 'rejected',
      rejections: expect.arrayContaining([
        { path: '/data/category', reason: 'must be one of "dibao", "extreme-poverty", "marginal-low-income", "orphan", "de-facto-unsupported-child"' },
        { path: '/data/members/0/idNumber', reason: 'is not a resident identity number: its check character does not match the first 17 digits (GB 11643)' },
      ]),
    });
  });

  it('refuses a record without an id or with a time that is not a date-time', () => {
    expect(prepareCanonicalEvent('civil-affairs', { ...record, id: '' }, household, pseudonymiser, NOW)).toMatchObject({ rejections: [{ path: '/id' }] });
    expect(prepareCanonicalEvent('civil-affairs', { ...record, time: 'yesterday' }, household, pseudonymiser, NOW)).toMatchObject({ rejections: [{ path: '/time' }] });
  });

  it("keys a person's events by the person pseudonym, the same from every department", () => {
    const enrolment = contractFor('education/student-enrolment.changed.v1');
    const prepared = prepareCanonicalEvent('education', { id: 'edu-1', type: 'education.student-enrolment.changed.v1', data: enrolment.example }, enrolment, pseudonymiser, NOW);
    expect(prepared.status === 'accepted' && prepared.key).toBe(pseudonymiser.pseudonymise('person', '640104201204150512'));
  });

  describe('identity numbers outside the identifier fields (issue 20)', () => {
    const aid = contractFor('education/student-aid.granted.v1');
    const aidRecord = { id: 'edu-aid-1', type: 'education.student-aid.granted.v1', data: aid.example };

    it('refuses a grant number that embeds an identity number, naming the field and not repeating the number', () => {
      const prepared = prepareCanonicalEvent('education', { ...aidRecord, data: { ...aid.example, grantNumber: 'AID-2026-autumn-G640104201204150512' } }, aid, pseudonymiser, NOW);
      expect(prepared).toEqual({ status: 'rejected', rejections: [{ path: '/data/grantNumber', reason: IDENTITY_NUMBER_OUTSIDE_IDENTIFIERS }] });
      expect(JSON.stringify(prepared)).not.toContain('640104201204150512');
    });

    it('refuses a record id that embeds an identity number, whatever the event type', () => {
      const prepared = prepareCanonicalEvent('education', { ...aidRecord, id: 'aid-６４０１０４２０１２０４１５０５１２' }, undefined, pseudonymiser, NOW);
      expect(prepared).toEqual({ status: 'rejected', rejections: [{ path: '/id', reason: IDENTITY_NUMBER_OUTSIDE_IDENTIFIERS }] });
    });

    it('refuses an identity number in the time', () => {
      expect(prepareCanonicalEvent('education', { ...aidRecord, time: '640104201204150512' }, aid, pseudonymiser, NOW)).toMatchObject({ rejections: [{ path: '/time' }] });
    });

    it('accepts a 学籍号 that embeds an identity number, since the contract classifies it personal-identifier', () => {
      const prepared = prepareCanonicalEvent('education', { ...aidRecord, data: { ...aid.example, studentNumber: 'G640104201204150512' } }, aid, pseudonymiser, NOW);
      expect(prepared.status).toBe('accepted');
      expect(JSON.stringify(prepared.status === 'accepted' && prepared.event)).not.toContain('640104201204150512');
    });
  });
});
