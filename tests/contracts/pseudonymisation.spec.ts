import { ContractValidator } from '@hub/contracts';
import { pseudonymiseDocument, VersionedKeyRing, Pseudonymiser } from '@hub/privacy';
import { standardContracts } from '../support/standard-contracts.js';

const pseudonymiser = new Pseudonymiser(new VersionedKeyRing([{ version: 1, secret: Buffer.alloc(32, 7) }]));
const IDENTITY_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/;
const contracts = standardContracts();
const byName = (name: string) => contracts.find((c) => c.name === name)!;
const example = (name: string) => (byName(name).schema['examples'] as unknown[])[0];
const ownerOf = (name: string) => byName(name).binding.owner;

describe("pseudonymising the standard contracts' events", () => {
  it.each(contracts.map((c) => c.name))('leaves no identity number in the clear in %s', (name) => {
    const { document } = pseudonymiseDocument(byName(name).schema, example(name), ownerOf(name), pseudonymiser);
    expect(JSON.stringify(document)).not.toMatch(IDENTITY_NUMBER);
  });

  it("replaces each member's identity number and the household number by pseudonyms, and names by keyed tokens", () => {
    const name = 'civil-affairs/household-status.changed.v1';
    const original = example(name) as { members: { name: string; relationToHead: string }[]; category: string };
    const { document, replacements } = pseudonymiseDocument(byName(name).schema, original, ownerOf(name), pseudonymiser);
    expect(replacements.map((r) => [r.pointer, r.domain])).toEqual([
      ['/householdNumber', 'civil-affairs-household-number'],
      ['/members/0/idNumber', 'person'],
      ['/members/1/idNumber', 'person'],
      ['/members/2/idNumber', 'person'],
    ]);
    expect(document).toMatchObject({ category: original.category, members: [{ name: pseudonymiser.pseudonymise('civil-affairs-name', original.members[0].name), relationToHead: 'head' }, {}, {}] });
    expect(original).toEqual(example(name));
  });

  it.each(contracts.map((c) => c.name))('leaves no name (a personal field) in the clear in %s', (name) => {
    const original = JSON.stringify(example(name));
    const { document } = pseudonymiseDocument(byName(name).schema, example(name), ownerOf(name), pseudonymiser);
    for (const personal of original.match(/"(name|respondedBy)":"([^"]+)"/g) ?? []) expect(JSON.stringify(document)).not.toContain(personal.split(':')[1]);
  });

  it("adds beside each member's pseudonym the school entry year its contract derives from the identity number, and not the birth date", () => {
    const name = 'civil-affairs/household-status.changed.v2';
    const { document } = pseudonymiseDocument(byName(name).schema, example(name), ownerOf(name), pseudonymiser);
    // The example's members were born 1985-06-12, 1987-09-03 and 2012-04-15.
    expect((document as { members: { schoolEntryYear?: number }[] }).members.map((m) => m.schoolEntryYear)).toEqual([1991, 1994, 2018]);
    expect(JSON.stringify(document)).not.toMatch(/19850612|2012-?04-?15/);
  });

  it('drops a personal value that is not a string, and keeps null', () => {
    const schema = { type: 'object', properties: { age: { type: 'integer', 'x-hub-classification': 'personal' }, alias: { type: ['string', 'null'], 'x-hub-classification': 'personal' } } };
    expect(pseudonymiseDocument(schema, { age: 41, alias: null }, 'civil-affairs', pseudonymiser).document).toEqual({ alias: null });
  });

  it('names each resident the record holds, with the name beside the identity number, for the identity vault', () => {
    const { persons } = pseudonymiseDocument(byName('civil-affairs/household-status.changed.v1').schema, example('civil-affairs/household-status.changed.v1'), 'civil-affairs', pseudonymiser);
    expect(persons[0]).toEqual({ pseudonym: pseudonymiser.pseudonymise('person', '640104198506120314'), identityNumber: '640104198506120314', name: '马建国' });
    expect(persons).toHaveLength(3);
  });

  it("pseudonymises an identifier that embeds an identity number (学籍号 G + number) as a whole, in the department's domain", () => {
    const aid = example('education/student-aid.granted.v1') as Record<string, unknown>;
    const { replacements, strayIdentityNumbers } = pseudonymiseDocument(
      byName('education/student-aid.granted.v1').schema,
      { ...aid, studentNumber: 'G640104201204150512' },
      'education',
      pseudonymiser,
    );
    expect(replacements.find((r) => r.pointer === '/studentNumber')).toMatchObject({ domain: 'education-student-number', original: 'G640104201204150512' });
    expect(strayIdentityNumbers).toEqual([]);
  });

  it.each([
    ['embedded in a grant number', 'AID-2026-autumn-G640104201204150512'],
    ['in full-width digits', '民救〔2026〕６４０１０４２０１２０４１５０５１２号'],
    ['with a lower-case x and spaces', '640104 19850612 004x'],
    ['in the 15-digit form', 'decision 640104850612031'],
  ])('finds an identity number %s outside the identifier fields, by its JSON pointer', (_form, text) => {
    const aid = example('education/student-aid.granted.v1') as Record<string, unknown>;
    const { strayIdentityNumbers } = pseudonymiseDocument(byName('education/student-aid.granted.v1').schema, { ...aid, grantNumber: text }, 'education', pseudonymiser);
    expect(strayIdentityNumbers).toEqual(['/grantNumber']);
  });

  it('finds an identity number sent as a JSON number, and in a property no contract describes', () => {
    const schema = { type: 'object', properties: { amountFen: { type: 'integer', 'x-hub-classification': 'public' } } };
    const { strayIdentityNumbers } = pseudonymiseDocument(schema, { amountFen: 640104198506120314, extra: { note: 'G640104201204150512' } }, 'education', pseudonymiser);
    expect(strayIdentityNumbers).toEqual(['/amountFen', '/extra/note']);
  });

  it("gives one resident the same pseudonym in every department's events, so they can be matched", () => {
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
