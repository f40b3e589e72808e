import { CLASSIFICATION_KEYWORD, DERIVED_KEYWORD, type JsonSchema } from './contract-annotations.js';
import { identityNumberProblem } from './resident-identity-number.js';

/**
 * What the gateway may derive from an identity number before it pseudonymises it (`x-hub-derived`
 * on the field: `{ "<sibling field>": "<derivation>" }`). Only coarse values a rule needs, never
 * the birth date: the pseudonym hides it, and the canonical topics must not show it.
 *
 * - `school-entry-year`: the year of the first autumn term in which the person is of compulsory
 *   school age, 六周岁 by 31 August (义务教育法 第十一条; 宁夏 counts age to 8月31日). A one-year
 *   cohort, as coarse as the grade a pupil's enrolment already shows; 控辍保学 needs it to find the
 *   适龄儿童少年 who are in no school.
 */
export const DERIVATIONS = ['school-entry-year'] as const;
export type Derivation = (typeof DERIVATIONS)[number];

const NAME_PATTERN = '^[A-Za-z][A-Za-z0-9]{0,63}$';

/** The keyword's own schema: a contract with a malformed derivation does not compile. */
export const DERIVED_META_SCHEMA = { type: 'object', minProperties: 1, maxProperties: 4, propertyNames: { pattern: NAME_PATTERN }, additionalProperties: { enum: [...DERIVATIONS] } } as const;

/** The school entry year of a valid identity number's holder; undefined for anything else. */
export function schoolEntryYear(identityNumber: string): number | undefined {
  if (identityNumberProblem(identityNumber) !== undefined) return undefined;
  const year = Number(identityNumber.slice(6, 10));
  return identityNumber.slice(10, 14) <= '0831' ? year + 6 : year + 7;
}

const DERIVE: Record<Derivation, (identityNumber: string) => number | undefined> = { 'school-entry-year': schoolEntryYear };

/** The derived fields a property declares, by the name each is added under. */
export function derivedFields(property: JsonSchema): Record<string, Derivation> {
  const declared = property[DERIVED_KEYWORD];
  if (typeof declared !== 'object' || declared === null || Array.isArray(declared)) return {};
  return Object.fromEntries(Object.entries(declared).filter((entry): entry is [string, Derivation] => (DERIVATIONS as readonly unknown[]).includes(entry[1])));
}

/** The values derived from one identity number, by field name; a derivation with no value (not a valid number) is left out. */
export function deriveFrom(fields: Record<string, Derivation>, identityNumber: string): Record<string, number> {
  const values: Record<string, number> = {};
  for (const [name, derivation] of Object.entries(fields)) {
    const value = DERIVE[derivation](identityNumber);
    if (value !== undefined) values[name] = value;
  }
  return values;
}

const MEANINGS: Record<Derivation, string> = { 'school-entry-year': 'the year of the first autumn term in which the person is six by 31 August (义务教育入学年份)' };

/** How a derived field reads in the canonical form of a contract. */
export function derivedFieldSchema(derivation: Derivation, from: string): JsonSchema {
  return {
    type: 'integer',
    minimum: 1906,
    maximum: 2200,
    description: `Derived by the hub's gateway from ${from} before it is pseudonymised (${derivation}): ${MEANINGS[derivation]}.`,
    [CLASSIFICATION_KEYWORD]: 'public',
  };
}
