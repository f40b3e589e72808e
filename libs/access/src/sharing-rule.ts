import { CLASSIFICATION_KEYWORD, SHARING_KEYWORD, type JsonSchema } from '@hub/contracts';

/**
 * One access rule of a contract: a member may read these fields of its events as shared facts,
 * for this purpose (the legal basis a department cites), about the persons it already knows.
 */
export interface SharingRule {
  member: string;
  fields: string[];
  purpose: string;
}

/** The contract's sharing rules (`x-hub-sharing`); empty when it shares nothing. */
export function sharingRulesOf(schema: JsonSchema): SharingRule[] {
  const rules = schema[SHARING_KEYWORD];
  return Array.isArray(rules) ? (rules as SharingRule[]) : [];
}

/**
 * The problems of a contract's sharing rules, each in a sentence: a rule may share only top-level
 * fields the contract has, and never a personal identifier (those travel as pseudonyms and are
 * given back only in the reader's own keys).
 */
export function sharingRuleProblems(schema: JsonSchema): string[] {
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  return sharingRulesOf(schema).flatMap((rule) =>
    rule.fields.flatMap((field) => {
      if (!(field in properties)) return [`the rule for ${rule.member} shares "${field}", which is not a field of the contract`];
      if (properties[field][CLASSIFICATION_KEYWORD] === 'personal-identifier') return [`the rule for ${rule.member} shares "${field}", a personal identifier; identifiers are never shared`];
      return [];
    }),
  );
}

/** The fields a member may read of this contract's events, with the purpose; undefined when none. */
export function sharedWith(schema: JsonSchema, member: string): SharingRule | undefined {
  return sharingRulesOf(schema).find((rule) => rule.member === member);
}
