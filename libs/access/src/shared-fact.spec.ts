import type { JsonSchema } from '@hub/contracts';
import { projectFact, sharedFactsOf } from './shared-fact.js';
import { sharedWith, sharingRuleProblems } from './sharing-rule.js';

const person = (n: number) => `p1.person.${String(n).repeat(43).slice(0, 43)}`;
const household: JsonSchema = {
  'x-hub-sharing': [
    { member: 'education', fields: ['category', 'effectiveFrom'], purpose: 'student aid' },
    { member: 'healthcare-security', fields: ['category'], purpose: 'premium subsidy' },
  ],
  properties: {
    householdNumber: { type: 'string', 'x-hub-classification': 'personal-identifier' },
    category: { type: 'string', 'x-hub-classification': 'public' },
    effectiveFrom: { type: 'string', 'x-hub-classification': 'public' },
    members: { type: 'array', 'x-hub-classification': 'personal' },
  },
};
const data = {
  householdNumber: 'p1.civil-affairs-household-number.' + 'h'.repeat(43),
  category: 'dibao',
  effectiveFrom: '2026-03-01',
  members: [
    { idNumber: person(2), name: '李秀兰' },
    { idNumber: person(1), name: '马建国' },
  ],
};

describe('shared facts', () => {
  it('are one per person an event names, with every field some rule shares and nothing else', () => {
    expect(sharedFactsOf(household, data)).toEqual([
      { subject: person(1), fields: { category: 'dibao', effectiveFrom: '2026-03-01' } },
      { subject: person(2), fields: { category: 'dibao', effectiveFrom: '2026-03-01' } },
    ]);
  });

  it('are not made for a contract that shares nothing', () => {
    expect(sharedFactsOf({ properties: household['properties'] }, data)).toEqual([]);
  });

  it('show each reader only the fields its rule grants', () => {
    const [fact] = sharedFactsOf(household, data);
    expect(projectFact(fact.fields, sharedWith(household, 'healthcare-security')!.fields)).toEqual({ category: 'dibao' });
    expect(sharedWith(household, 'rural-revitalisation')).toBeUndefined();
  });
});

describe('sharing rules', () => {
  it('may not share a field the contract lacks, or an identifier', () => {
    const schema = { ...household, 'x-hub-sharing': [{ member: 'education', fields: ['income', 'householdNumber'], purpose: 'x' }] };
    expect(sharingRuleProblems(schema)).toEqual([
      'the rule for education shares "income", which is not a field of the contract',
      'the rule for education shares "householdNumber", a personal identifier; identifiers are never shared',
    ]);
  });
});
