import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { CLASSIFICATION_KEYWORD, CLASSIFICATIONS, CONSISTENCY_KEYWORD, CONTRACT_KEYWORD, DERIVED_KEYWORD, SHARING_KEYWORD, type JsonSchema } from './contract-annotations.js';
import { DERIVED_META_SCHEMA } from './derived-fields.js';
import { CONSISTENCY_META_SCHEMA, consistencyViolations, type ConsistencyCheck } from './field-consistency.js';
import { linearTimePatterns } from './linear-time-patterns.js';
import { schemaShapeProblem } from './schema-shape.js';
import { identityNumberProblem, type IdentityNumberProblem } from './resident-identity-number.js';

const RESIDENT_ID_FORMAT = 'cn-resident-id';

/** One reason a document breaks its contract: where (JSON pointer), which rule, and why. */
export interface ContractViolation {
  instancePath: string;
  keyword: string;
  message: string;
}

export type ValidationResult = { valid: true } | { valid: false; violations: ContractViolation[] };

export class ContractSchemaError extends Error {
  constructor(
    readonly schemaId: string,
    readonly reason: string,
  ) {
    super(`contract ${schemaId} is not a valid JSON Schema 2020-12 document: ${reason}`);
    this.name = 'ContractSchemaError';
  }
}

const IDENTITY_NUMBER_PROBLEMS: Record<IdentityNumberProblem, string> = {
  shape: 'is not a resident identity number: it must be 18 characters, 17 digits and a check digit or X',
  'division-code': 'is not a resident identity number: its first two digits are no province-level division code (GB/T 2260)',
  'birth-date': 'is not a resident identity number: characters 7 to 14 are not a real birth date',
  'check-character': 'is not a resident identity number: its check character does not match the first 17 digits (GB 11643)',
};

/** The value a JSON pointer names in a document. */
function valueAt(document: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), document);
}

/** Says which rule a violation breaks, in words, without echoing the value (it may be personal data). */
function violationOf(error: ErrorObject, document: unknown): ContractViolation {
  if (error.keyword === 'format' && (error.params as { format?: string }).format === RESIDENT_ID_FORMAT) {
    const problem = identityNumberProblem(String(valueAt(document, error.instancePath))) ?? 'shape';
    return { instancePath: error.instancePath, keyword: error.keyword, message: IDENTITY_NUMBER_PROBLEMS[problem] };
  }
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty?: string }).additionalProperty);
    return { instancePath: error.instancePath, keyword: error.keyword, message: `has a field "${extra}" that the contract does not define` };
  }
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty?: string }).missingProperty);
    return { instancePath: error.instancePath, keyword: error.keyword, message: `lacks the required field "${missing}"` };
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues ?? [];
    return { instancePath: error.instancePath, keyword: error.keyword, message: `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}` };
  }
  return { instancePath: error.instancePath, keyword: error.keyword, message: error.message ?? error.keyword };
}

/**
 * Validates documents against contracts (JSON Schema 2020-12) with validators compiled once per
 * contract. Knows the hub's formats (`cn-resident-id`, GB 11643 with its check character and a
 * real birth date) and annotations.
 */
export class ContractValidator {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    // Strict, so a typo in a contract is an error, not a silently ignored keyword; `required` inside
    // if/then (a reason required only for a dispute) is plain JSON Schema, hence strictRequired off.
    // Patterns run on RE2, so no contract can make validation backtrack catastrophically.
    this.ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, code: { regExp: linearTimePatterns } });
    addFormats.default(this.ajv, ['date', 'date-time', 'uri', 'email']);
    this.ajv.addFormat(RESIDENT_ID_FORMAT, { type: 'string', validate: (value: string) => identityNumberProblem(value) === undefined });
    this.ajv.addKeyword({ keyword: CLASSIFICATION_KEYWORD, schemaType: 'string', metaSchema: { enum: [...CLASSIFICATIONS] } });
    this.ajv.addKeyword({ keyword: CONTRACT_KEYWORD, schemaType: 'object' });
    this.ajv.addKeyword({
      keyword: SHARING_KEYWORD,
      schemaType: 'array',
      metaSchema: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['member', 'fields', 'purpose'],
          properties: { member: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,59}$' }, fields: { type: 'array', minItems: 1, items: { type: 'string' } }, purpose: { type: 'string', minLength: 1 } },
        },
      },
    });
    const consistent: ((checks: ConsistencyCheck[], document: unknown) => boolean) & { errors?: Partial<ErrorObject>[] } = (checks, document) => {
      const violations = consistencyViolations(checks, document);
      consistent.errors = violations.map((v) => ({ keyword: CONSISTENCY_KEYWORD, instancePath: v.instancePath, params: {}, message: v.message }));
      return violations.length === 0;
    };
    this.ajv.addKeyword({ keyword: CONSISTENCY_KEYWORD, schemaType: 'array', metaSchema: CONSISTENCY_META_SCHEMA, errors: true, validate: consistent });
    // Derivation reads the birth date, so only an identity number may declare one.
    this.ajv.addKeyword({
      keyword: DERIVED_KEYWORD,
      schemaType: 'object',
      metaSchema: DERIVED_META_SCHEMA,
      compile: (_value: unknown, parent: JsonSchema) => {
        if (parent['format'] !== RESIDENT_ID_FORMAT) throw new Error(`"${DERIVED_KEYWORD}" may stand only on a field of format ${RESIDENT_ID_FORMAT}`);
        return () => true;
      },
    });
  }

  /** Compiles a contract, keyed by its `$id`. @throws ContractSchemaError for a schema too large or deep, or one Ajv rejects. */
  add(schema: JsonSchema): string {
    const id = schema['$id'];
    if (typeof id !== 'string') throw new ContractSchemaError('(no $id)', 'a contract needs an $id');
    const shape = schemaShapeProblem(schema);
    if (shape !== undefined) throw new ContractSchemaError(id, shape);
    try {
      this.compiled.set(id, this.ajv.compile(schema));
    } catch (error) {
      throw new ContractSchemaError(id, error instanceof Error ? error.message : String(error));
    }
    return id;
  }

  has(id: string): boolean {
    return this.compiled.has(id);
  }

  validate(id: string, document: unknown): ValidationResult {
    const validator = this.compiled.get(id);
    if (!validator) throw new ContractSchemaError(id, 'no such contract has been added');
    if (validator(document)) return { valid: true };
    return { valid: false, violations: (validator.errors ?? []).map((error) => violationOf(error, document)) };
  }
}
