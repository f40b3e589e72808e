import { canonicalForm } from './canonical-form.js';
import { ContractSchemaError, ContractValidator } from './contract-validator.js';
import { schoolEntryYear } from './derived-fields.js';
import { identityCheckCharacter } from './resident-identity-number.js';

const born = (date: string) => {
  const first17 = `640104${date.replace(/-/g, '')}051`;
  return `${first17}${identityCheckCharacter(first17)}`;
};

const contract = (idNumber: Record<string, unknown>) => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `urn:test:derived:${JSON.stringify(idNumber).length}`,
  type: 'object',
  properties: { idNumber: { type: 'string', 'x-hub-classification': 'personal-identifier', ...idNumber } },
});

describe('fields derived from an identity number (x-hub-derived)', () => {
  it('school-entry-year: a child six by 31 August starts that autumn (义务教育法 第十一条), one born in September the next', () => {
    expect(schoolEntryYear(born('2018-08-31'))).toBe(2024);
    expect(schoolEntryYear(born('2018-09-01'))).toBe(2025);
    expect(schoolEntryYear(born('2018-01-01'))).toBe(2024);
  });

  it('derives nothing from a number that is not a valid identity number', () => {
    expect(schoolEntryYear('640104201809010519')).toBeUndefined();
  });

  it('the canonical form has the derived field beside the pseudonym, public and not required, and no longer the keyword', () => {
    const canonical = canonicalForm(contract({ format: 'cn-resident-id', 'x-hub-derived': { schoolEntryYear: 'school-entry-year' } }));
    const properties = canonical['properties'] as Record<string, Record<string, unknown>>;
    expect(Object.keys(properties)).toEqual(['idNumber', 'schoolEntryYear']);
    expect(properties['schoolEntryYear']).toMatchObject({ type: 'integer', 'x-hub-classification': 'public' });
    expect(properties['idNumber']['x-hub-derived']).toBeUndefined();
  });

  it('a contract may declare it only on a field of format cn-resident-id, where the birth date is', () => {
    expect(() => new ContractValidator().add(contract({ 'x-hub-derived': { schoolEntryYear: 'school-entry-year' } }))).toThrow(ContractSchemaError);
  });

  it('a contract may not declare a derivation the hub does not know', () => {
    expect(() => new ContractValidator().add(contract({ format: 'cn-resident-id', 'x-hub-derived': { birthDate: 'birth-date' } }))).toThrow(/must be equal to one of the allowed values/);
  });
});
