import { PSEUDONYM_PATTERN, type JsonSchema } from '@hub/contracts';
import { sharingRulesOf } from './sharing-rule.js';

/** What a canonical event says about one person, as far as any rule shares it. */
export interface SharedFact {
  /** The person's pseudonym (hub-wide `person` domain). */
  subject: string;
  /** The shared fields' values, for every field some rule shares. */
  fields: Record<string, unknown>;
}

const PERSON = new RegExp(PSEUDONYM_PATTERN.replace('[a-z0-9-]{1,60}', 'person'));

function personsIn(value: unknown, found: Set<string>): Set<string> {
  if (typeof value === 'string' && PERSON.test(value)) found.add(value);
  else if (Array.isArray(value)) value.forEach((item) => personsIn(item, found));
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach((child) => personsIn(child, found));
  return found;
}

/**
 * The facts a canonical event shares: one per person it names (a household status names each
 * member), carrying the fields any of the contract's rules share. Which reader sees which of those
 * fields is decided when it reads, by the rules in force then.
 */
export function sharedFactsOf(schema: JsonSchema, data: unknown): SharedFact[] {
  const shared = [...new Set(sharingRulesOf(schema).flatMap((rule) => rule.fields))];
  if (shared.length === 0 || typeof data !== 'object' || data === null) return [];
  const record = data as Record<string, unknown>;
  const fields = Object.fromEntries(shared.filter((field) => field in record).map((field) => [field, record[field]]));
  return [...personsIn(data, new Set())].sort().map((subject) => ({ subject, fields }));
}

/** The fields of a fact a reader may see. */
export function projectFact(fields: Record<string, unknown>, allowed: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([field]) => allowed.includes(field)));
}
