import type { JsonSchema } from '../contract-annotations.js';
import { governedChanges } from './governed-changes.js';

const contract = (idNumber: string, binding: Record<string, unknown> = {}, sharing?: unknown[]): JsonSchema => ({
  type: 'object',
  'x-hub-contract': { owner: 'civil-affairs', type: 'civil-affairs.household-status.changed', version: 1, topic: 'civil-affairs.household-status.changed.v1', partitionKey: 'householdId', ...binding },
  ...(sharing ? { 'x-hub-sharing': sharing } : {}),
  properties: {
    householdId: { type: 'string', 'x-hub-classification': 'personal-identifier' },
    members: { type: 'array', 'x-hub-classification': 'personal', items: { type: 'object', properties: { idNumber: { type: 'string', 'x-hub-classification': idNumber } } } },
  },
});
const kinds = (before: JsonSchema, after: JsonSchema) => governedChanges(before, after).map(({ kind, pointer }) => `${kind} ${pointer}`);

describe('governedChanges (issue 19: changes only a data steward may make)', () => {
  it('finds none between equal contracts', () => {
    expect(governedChanges(contract('personal-identifier'), contract('personal-identifier'))).toEqual([]);
  });

  it('reports an identifier lowered to personal, and to public, at the field', () => {
    expect(kinds(contract('personal-identifier'), contract('personal'))).toEqual(['classification-lowered /members/*/idNumber']);
    expect(kinds(contract('personal-identifier'), contract('public'))).toEqual(['classification-lowered /members/*/idNumber']);
  });

  it('does not report a classification raised', () => {
    expect(governedChanges(contract('public'), contract('personal-identifier'))).toEqual([]);
  });

  it('reports a changed owner, topic or partition key, naming each', () => {
    expect(kinds(contract('personal-identifier'), contract('personal-identifier', { owner: 'education', topic: 'education.x.v1' }))).toEqual([
      'binding-changed /x-hub-contract/owner',
      'binding-changed /x-hub-contract/topic',
    ]);
    expect(kinds(contract('personal-identifier'), contract('personal-identifier', { partitionKey: 'members' }))).toEqual(['binding-changed /x-hub-contract/partitionKey']);
  });

  it('reports any change to the sharing rules, a rule added as well as one removed', () => {
    const rule = { member: 'education', fields: ['members'], purpose: '应助尽助' };
    expect(kinds(contract('personal-identifier'), contract('personal-identifier', {}, [rule]))).toEqual(['sharing-changed /x-hub-sharing']);
    expect(kinds(contract('personal-identifier', {}, [rule]), contract('personal-identifier'))).toEqual(['sharing-changed /x-hub-sharing']);
  });

  it('in a first version, reports sharing rules and a contract owned by the hub, and nothing else', () => {
    const rule = { member: 'education', fields: ['members'], purpose: '应助尽助' };
    expect(governedChanges(undefined, contract('public'))).toEqual([]);
    expect(governedChanges(undefined, contract('public', {}, [rule])).map((c) => c.kind)).toEqual(['sharing-changed']);
    expect(governedChanges(undefined, contract('public', { owner: 'hub', topic: 'hub.x.v1' })).map((c) => c.detail)).toEqual(['a new contract owned by the hub itself']);
  });
});
