import { sharingRuleProblems } from '@hub/access';
import { classifiedFields, ContractValidator, unclassifiedFields } from '@hub/contracts';
import { standardContracts } from '../support/standard-contracts.js';

const contracts = standardContracts();
const validator = new ContractValidator();
for (const contract of contracts) validator.add(contract.schema);

/** Each event type once per major version it has (the education and Civil Affairs ones have two, issue 21). */
const EXPECTED_TYPES = [
  'civil-affairs.household-status.changed',
  'civil-affairs.household-status.changed',
  'disability.certificate.changed',
  'disability.subsidy.granted',
  'education.student-aid.granted',
  'education.student-aid.granted',
  'education.student-enrolment.changed',
  'education.student-enrolment.changed',
  'healthcare-security.insurance-enrolment.recorded',
  'healthcare-security.settlement.recorded',
  'hub.bulk-load.changed',
  'hub.finding-response.recorded',
  'hub.finding.changed',
  'rural-revitalisation.monitoring-status.changed',
];

describe('the standard contracts', () => {
  it('cover every event type of the hub', () => {
    const types = contracts.map((c) => c.binding.type).sort();
    expect(types).toEqual(EXPECTED_TYPES);
  });

  describe.each(contracts.map((c) => [c.name, c] as const))('%s', (name, contract) => {
    const binding = contract.binding;

    it('is bound to the topic its owner, type and major version name', () => {
      expect(`${binding.owner}/${binding.type.slice(binding.owner.length + 1)}.v${binding.version}`).toBe(name);
      expect(binding.topic).toBe(`${binding.type}.v${binding.version}`);
      expect(contract.schema['$id']).toBe(`urn:nx-hub:contract:${binding.type}:v${binding.version}`);
    });

    it('is closed and classifies every field', () => {
      expect(contract.schema['additionalProperties']).toBe(false);
      expect(unclassifiedFields(contract.schema)).toEqual([]);
      expect(classifiedFields(contract.schema).map((f) => f.pointer)).toContain(`/${binding.partitionKey}`);
    });

    it('shares only fields it has, and never an identifier', () => {
      expect(sharingRuleProblems(contract.schema)).toEqual([]);
    });

    it('accepts its valid examples', () => {
      const examples = contract.schema['examples'] as unknown[];
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) expect(validator.validate(contract.schema['$id'] as string, example)).toEqual({ valid: true });
    });

    it('rejects each invalid example at the field and for the reason it names', () => {
      expect(contract.invalidExamples.length).toBeGreaterThan(0);
      for (const example of contract.invalidExamples) {
        const result = validator.validate(contract.schema['$id'] as string, example.document);
        expect({ example: example.description, valid: result.valid }).toEqual({ example: example.description, valid: false });
        if (!result.valid) expect(result.violations).toContainEqual(expect.objectContaining(example.expectedError));
      }
    });
  });

  it("keep identity numbers out of the hub's own events", () => {
    for (const contract of contracts.filter((c) => c.name.startsWith('hub/'))) {
      const fields = classifiedFields(contract.schema);
      expect(fields.filter((f) => f.pointer.endsWith('idNumber'))).toEqual([]);
      expect(JSON.stringify(contract.schema['examples'])).not.toMatch(/\b\d{17}[\dX]\b/);
    }
  });
});
