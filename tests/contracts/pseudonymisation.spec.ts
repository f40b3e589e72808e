import type { ContractBinding } from '@hub/contracts';
import { ContractValidator } from '@hub/contracts';
import { pseudonymiseDocument, PseudonymKeyRing, Pseudonymiser } from '@hub/privacy';
import { standardContracts } from '../support/standard-contracts.js';

const pseudonymiser = new Pseudonymiser(new PseudonymKeyRing([{ version: 1, secret: Buffer.alloc(32, 7) }]));
const IDENTITY_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/;
const contracts = standardContracts();
const byName = (name: string) => contracts.find((c) => c.name === name)!;
const example = (name: string) => (byName(name).schema['examples'] as unknown[])[0];
const ownerOf = (name: string) => (byName(name).schema['x-hub-contract'] as ContractBinding).owner;

describe('pseudonymising the standard contracts\' events', () => {
  it.each(contracts.map((c) => c.name))('leaves no identity number in the clear in %s', (name) => {
    const { document } = pseudonymiseDocument(byName(name).schema, example(name), ownerOf(name), pseudonymiser);
    expect(JSON.stringify(document)).not.toMatch(IDENTITY_NUMBER);
  });

  it('replaces each member\'s identity number and the household number, and nothing else', () => {
    const name = 'civil-affairs/household-status.changed.v1';
    const original = example(name) as { members: { name: string; relationToHead: string }[]; category: string };
    const { document, replacements } = pseudonymiseDocument(byName(name).schema, original, ownerOf(name), pseudonymiser);
    expect(replacements.map((r) => [r.pointer, r.domain])).toEqual([
      ['/householdNumber', 'civil-affairs-household-number'],
      ['/members/0/idNumber', 'person'],
      ['/members/1/idNumber', 'person'],
      ['/members/2/idNumber', 'person'],
    ]);
    expect(document).toMatchObject({ category: original.category, members: [{ name: original.members[0]!.name, relationToHead: 'head' }, {}, {}] });
    expect(original).toEqual(example(name));
  });

  it('gives one resident the same pseudonym in every department\'s events, so they can be matched', () => {
    const household = pseudonymiseDocument(byName('civil-affairs/household-status.changed.v1').schema, example('civil-affairs/household-status.changed.v1'), 'civil-affairs', pseudonymiser);
    const enrolment = pseudonymiseDocument(byName('education/student-enrolment.changed.v1').schema, example('education/student-enrolment.changed.v1'), 'education', pseudonymiser);
    const child = household.replacements.find((r) => r.pointer === '/members/2/idNumber')!;
    const student = enrolment.replacements.find((r) => r.pointer === '/idNumber')!;
    expect(child.original).toBe(student.original);
    expect(child.pseudonym).toBe(student.pseudonym);
  });

  it('keeps department record keys in their own domains', () => {
    const { replacements } = pseudonymiseDocument(byName('education/student-aid.granted.v1').schema, example('education/student-aid.granted.v1'), 'education', pseudonymiser);
    expect(replacements.find((r) => r.pointer === '/studentNumber')?.domain).toBe('education-student-number');
  });

  it('produces documents that no longer pass the identity-number format, so raw and pseudonymised cannot be confused', () => {
    const validator = new ContractValidator();
    const schema = byName('education/student-enrolment.changed.v1').schema;
    const id = validator.add(schema);
    const { document } = pseudonymiseDocument(schema, example('education/student-enrolment.changed.v1'), 'education', pseudonymiser);
    const result = validator.validate(id, document);
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.violations).toContainEqual(expect.objectContaining({ instancePath: '/idNumber', keyword: 'format' }));
  });
});
