import { checkCompatibility, type JsonSchema, type VersionedSchema } from '@hub/contracts';
import { standardContracts } from '../support/standard-contracts.js';

const studentAid = standardContracts().find((c) => c.name === 'education/student-aid.granted.v1')!.schema;
const properties = studentAid['properties'] as Record<string, JsonSchema>;
const withProperties = (changes: Record<string, JsonSchema | undefined>, extra: JsonSchema = {}): JsonSchema => {
  const next = { ...properties, ...changes };
  for (const [name, value] of Object.entries(changes)) if (value === undefined) Reflect.deleteProperty(next, name);
  return { ...studentAid, properties: next, ...extra };
};
const v1: VersionedSchema[] = [{ version: 1, schema: studentAid }];
const remark: JsonSchema = { type: 'string', maxLength: 200, 'x-hub-classification': 'public' };

describe('evolving the student aid contract', () => {
  it('may add an optional field under BACKWARD, since the contract is closed', () => {
    const verdict = checkCompatibility(withProperties({ remark }), v1, 'BACKWARD');
    expect(verdict.compatible).toBe(true);
    expect(verdict.differences.map((d) => d.kind)).toEqual(['property-added-to-closed-model']);
  });

  it('may not add that field under FORWARD, and says why and what would do instead', () => {
    const verdict = checkCompatibility(withProperties({ remark }), v1, 'FORWARD');
    expect(verdict.compatible).toBe(false);
    expect(verdict.incompatibilities).toEqual([expect.objectContaining({ pointer: '/properties/remark', version: 1, direction: 'forward' })]);
    expect(verdict.incompatibilities[0].explanation).toBe(
      'At /properties/remark, optional field "remark" is new: documents valid under the candidate would be rejected by consumers still reading version 1. ' +
        'To keep consumers on the old version working, add the field in a new major version, or let consumers upgrade first (BACKWARD).',
    );
  });

  it('may not add an optional field to an open content model under BACKWARD, and explains the open model', () => {
    const openV1: VersionedSchema[] = [{ version: 1, schema: { ...studentAid, additionalProperties: true } }];
    const verdict = checkCompatibility(withProperties({ remark }, { additionalProperties: true }), openV1, 'BACKWARD');
    expect(verdict.compatible).toBe(false);
    expect(verdict.incompatibilities[0].explanation).toMatch(/earlier documents may already carry this field with any value.*leave the field unconstrained \(\{\}\)/);
  });

  it('may not make a field required under BACKWARD', () => {
    const verdict = checkCompatibility({ ...studentAid, required: [...(studentAid['required'] as string[]), 'remark'], properties: { ...properties, remark } }, v1, 'BACKWARD');
    expect(verdict.incompatibilities.map((i) => i.kind)).toEqual(['required-property-added-to-closed-model']);
  });

  it('may not extend the aid types under FULL, but may change a description', () => {
    const aidType = properties['aidType'];
    const extended = withProperties({ aidType: { ...aidType, enum: [...(aidType['enum'] as string[]), 'transport-subsidy'] } });
    expect(checkCompatibility(extended, v1, 'FULL').incompatibilities.map((i) => [i.kind, i.direction])).toEqual([['enum-extended', 'forward']]);
    expect(checkCompatibility(withProperties({ aidType: { ...aidType, description: 'Aid type (资助类型).' } }), v1, 'FULL').compatible).toBe(true);
  });

  it('checks every earlier version under BACKWARD_TRANSITIVE, and only the latest under BACKWARD', () => {
    const withRemark = withProperties({ remark });
    const history: VersionedSchema[] = [
      { version: 1, schema: withRemark },
      { version: 2, schema: studentAid },
    ];
    const candidate = withProperties({ grantedOn: { ...properties['grantedOn'], description: 'Payment day.' } });
    expect(checkCompatibility(candidate, history, 'BACKWARD').compatible).toBe(true);
    const transitive = checkCompatibility(candidate, history, 'BACKWARD_TRANSITIVE');
    expect(transitive.compatible).toBe(false);
    expect(transitive.incompatibilities.map((i) => [i.version, i.kind])).toEqual([[1, 'property-removed-from-closed-model']]);
  });

  it('accepts anything under NONE, and any first version', () => {
    expect(checkCompatibility({ type: 'string' }, v1, 'NONE').compatible).toBe(true);
    expect(checkCompatibility(studentAid, [], 'FULL_TRANSITIVE').compatible).toBe(true);
  });
});
