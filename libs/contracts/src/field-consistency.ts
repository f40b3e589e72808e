/**
 * Checks across two fields of a document, declared in the contract (`x-hub-consistency`), for what
 * JSON Schema cannot say: a number that embeds another field's value at a position (残疾人证号 and
 * 学籍号 embed the 公民身份号码), or a character that is the code of another field's value (the
 * certificate's category and grade digits). Pure; the validator runs them after the schema's own rules.
 */
export type ConsistencyCheck =
  /** `field`, from character `at` (0-based), holds `embeds`'s value; only when `field` starts with `when`, if given. */
  | { field: string; embeds: string; at: number; when?: string }
  /** `field`'s character `codeAt` (0-based) is the code `codes` gives for `of`'s value. */
  | { field: string; codeAt: number; of: string; codes: Record<string, string> };

const NAME = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]{0,63}$' } as const;
const POSITION = { type: 'integer', minimum: 0, maximum: 200 } as const;

/** The keyword's own schema: a contract with a malformed check does not compile. */
export const CONSISTENCY_META_SCHEMA = {
  type: 'array',
  minItems: 1,
  items: {
    oneOf: [
      {
        type: 'object',
        additionalProperties: false,
        required: ['field', 'embeds', 'at'],
        properties: { field: NAME, embeds: NAME, at: POSITION, when: { type: 'string', minLength: 1, maxLength: 10 } },
      },
      {
        type: 'object',
        additionalProperties: false,
        required: ['field', 'codeAt', 'of', 'codes'],
        properties: { field: NAME, codeAt: POSITION, of: NAME, codes: { type: 'object', minProperties: 1, additionalProperties: { type: 'string', minLength: 1, maxLength: 1 } } },
      },
    ],
  },
} as const;

/** Where and why a document's fields disagree; the message names the fields, never their values (they may be personal data). */
export interface ConsistencyViolation {
  instancePath: string;
  message: string;
}

/** The checks a document breaks. A check whose fields are missing or not strings and numbers is left to the schema's own rules. */
export function consistencyViolations(checks: readonly ConsistencyCheck[], document: unknown): ConsistencyViolation[] {
  if (typeof document !== 'object' || document === null) return [];
  const fields = document as Record<string, unknown>;
  const text = (name: string) => (typeof fields[name] === 'string' || typeof fields[name] === 'number' ? String(fields[name]) : undefined);
  return checks.flatMap((check): ConsistencyViolation[] => {
    const value = text(check.field);
    if (value === undefined) return [];
    if ('embeds' in check) {
      const embedded = text(check.embeds);
      if (embedded === undefined || (check.when !== undefined && !value.startsWith(check.when))) return [];
      if (value.slice(check.at, check.at + embedded.length) === embedded) return [];
      const where = `characters ${check.at + 1} to ${check.at + embedded.length}`;
      return [{ instancePath: `/${check.field}`, message: `${where} must be the record's ${check.embeds}${check.when ? ` (a number starting ${check.when} embeds it)` : ' (the number embeds it)'}` }];
    }
    const of = text(check.of);
    const code = of === undefined ? undefined : check.codes[of];
    if (code === undefined || value.charAt(check.codeAt) === code) return [];
    return [{ instancePath: `/${check.field}`, message: `character ${check.codeAt + 1} must be ${code}, the code of the record's ${check.of}` }];
  });
}
