import { ContractSchemaError, ContractValidator } from './contract-validator.js';

const person = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:test:person:v1',
  type: 'object',
  additionalProperties: false,
  required: ['idNumber', 'grade'],
  properties: {
    idNumber: { type: 'string', format: 'cn-resident-id', 'x-hub-classification': 'personal-identifier' },
    grade: { type: 'integer', minimum: 1, maximum: 4, 'x-hub-classification': 'public' },
    category: { enum: ['visual', 'hearing'], 'x-hub-classification': 'public' },
  },
};

describe('ContractValidator', () => {
  const validator = new ContractValidator();
  validator.add(person);

  it('accepts a document that keeps the contract', () => {
    expect(validator.validate('urn:test:person:v1', { idNumber: '11010519491231002X', grade: 2 })).toEqual({ valid: true });
  });

  it('rejects an identity number whose check character is wrong, naming the field', () => {
    const result = validator.validate('urn:test:person:v1', { idNumber: '110105194912310021', grade: 2 });
    expect(result).toEqual({
      valid: false,
      violations: [{ instancePath: '/idNumber', keyword: 'format', message: 'is not a resident identity number: its check character does not match the first 17 digits (GB 11643)' }],
    });
  });

  it('rejects an identity number whose birth date does not exist, saying so without echoing it', () => {
    const result = validator.validate('urn:test:person:v1', { idNumber: '110105194902300025', grade: 2 });
    expect(result).toEqual({
      valid: false,
      violations: [{ instancePath: '/idNumber', keyword: 'format', message: 'is not a resident identity number: characters 7 to 14 are not a real birth date' }],
    });
  });

  it('reports every violation at once, in words', () => {
    const result = validator.validate('urn:test:person:v1', { grade: 7, category: 'red', income: 1 });
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.violations).toEqual(
      expect.arrayContaining([
        { instancePath: '', keyword: 'required', message: 'lacks the required field "idNumber"' },
        { instancePath: '', keyword: 'additionalProperties', message: 'has a field "income" that the contract does not define' },
        { instancePath: '/grade', keyword: 'maximum', message: 'must be <= 4' },
        { instancePath: '/category', keyword: 'enum', message: 'must be one of "visual", "hearing"' },
      ]),
    );
  });

  it('refuses a classification the hub does not know', () => {
    const schema = { ...person, $id: 'urn:test:bad:v1', properties: { x: { type: 'string', 'x-hub-classification': 'secret' } } };
    expect(() => new ContractValidator().add(schema)).toThrow(ContractSchemaError);
  });

  it('refuses a schema that is not valid JSON Schema, saying which', () => {
    expect(() => new ContractValidator().add({ $id: 'urn:test:broken:v1', type: 'object', properties: { a: { type: 'strin' } } })).toThrow(
      /contract urn:test:broken:v1 is not a valid JSON Schema 2020-12 document/,
    );
  });

  it('says so when asked about a contract it does not have', () => {
    expect(() => validator.validate('urn:test:unknown:v1', {})).toThrow(/no such contract/);
  });

  describe('patterns, on RE2', () => {
    const withPattern = (pattern: string, id: string) => ({ $id: id, type: 'object', properties: { code: { type: 'string', pattern, 'x-hub-classification': 'public' } } });

    it("matches a pattern that backtracks catastrophically in JavaScript's engine, in linear time", () => {
      const patterns = new ContractValidator();
      patterns.add(withPattern('^(a+)+$', 'urn:test:redos:v1'));
      // V8's engine takes about 2^64 steps on this input; RE2 answers at once.
      expect(patterns.validate('urn:test:redos:v1', { code: `${'a'.repeat(64)}!` })).toMatchObject({ valid: false, violations: [{ instancePath: '/code', keyword: 'pattern' }] });
      expect(patterns.validate('urn:test:redos:v1', { code: 'a'.repeat(64) })).toEqual({ valid: true });
    });

    it('keeps each pattern of a contract apart', () => {
      const patterns = new ContractValidator();
      patterns.add({ $id: 'urn:test:two:v1', type: 'object', properties: { a: { type: 'string', pattern: '^a$' }, b: { type: 'string', pattern: '^b$' } } });
      expect(patterns.validate('urn:test:two:v1', { a: 'a', b: 'b' })).toEqual({ valid: true });
      expect(patterns.validate('urn:test:two:v1', { a: 'b', b: 'a' })).toMatchObject({ valid: false, violations: [{ instancePath: '/a' }, { instancePath: '/b' }] });
    });

    it('refuses a contract whose pattern needs backreferences or lookaround, naming the pattern', () => {
      expect(() => new ContractValidator().add(withPattern('^(a)\\1$', 'urn:test:backreference:v1'))).toThrow(/the pattern "\^\(a\)\\\\1\$" cannot be matched in linear time/);
      expect(() => new ContractValidator().add(withPattern('^(?=a)', 'urn:test:lookahead:v1'))).toThrow(ContractSchemaError);
    });
  });

  it('refuses a schema that refers to another, or to itself in a cycle', () => {
    const cycle = { $id: 'urn:test:cycle:v1', $defs: { a: { $ref: '#/$defs/a' } }, type: 'object', properties: { x: { $ref: '#/$defs/a' } } };
    expect(() => new ContractValidator().add(cycle)).toThrow('$ref is not allowed: a contract is self-contained, so that every field it describes is classified');
  });

  it('refuses a schema nested deeper than 64 levels, before compiling it', () => {
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 100_000; i++) deep = { type: 'array', items: deep };
    expect(() => new ContractValidator().add({ $id: 'urn:test:deep:v1', ...deep })).toThrow(
      'contract urn:test:deep:v1 is not a valid JSON Schema 2020-12 document: the schema nests deeper than 64 levels',
    );
  });
});
