import { CLASSIFICATION_KEYWORD, type JsonSchema } from '@hub/contracts';
import type { Pseudonymiser } from './pseudonymiser.js';

/** One identifier the pseudonymiser replaced: where, in which domain, and by what. */
export interface Replacement {
  pointer: string;
  domain: string;
  pseudonym: string;
  /** The identifier itself: only the gateway keeps this, to answer departments in their own keys. */
  original: string;
}

export interface PseudonymisedDocument {
  document: unknown;
  replacements: Replacement[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9-]/g, '-');
const domains = new Map<string, string>();
/** The pseudonym domain of a department's identifier field, e.g. `education-student-number` (memoised: it is asked for every record). */
function domainOf(owner: string, field: string): string {
  const key = `${owner}\u0000${field}`;
  let domain = domains.get(key);
  if (domain === undefined) {
    domain = `${kebab(owner)}-${kebab(field)}`;
    domains.set(key, domain);
  }
  return domain;
}

/**
 * Replaces every field the contract classifies as a personal identifier by its keyed pseudonym:
 * resident identity numbers (format cn-resident-id) in the hub-wide `person` domain, so records
 * meet across departments; other identifiers (household numbers, 学籍号, certificate numbers) in a
 * domain of the owning department and field. The input is left unchanged.
 */
export function pseudonymiseDocument(schema: JsonSchema, document: unknown, owner: string, pseudonymiser: Pseudonymiser): PseudonymisedDocument {
  const replacements: Replacement[] = [];
  const walk = (node: JsonSchema, value: unknown, pointer: string, name: string): unknown => {
    if (node[CLASSIFICATION_KEYWORD] === 'personal-identifier' && typeof value === 'string') {
      const domain = node['format'] === 'cn-resident-id' ? 'person' : domainOf(owner, name);
      const pseudonym = pseudonymiser.pseudonymise(domain, value);
      replacements.push({ pointer, domain, pseudonym, original: value });
      return pseudonym;
    }
    if (Array.isArray(value) && isObject(node['items'])) return value.map((item, i) => walk(node['items'] as JsonSchema, item, `${pointer}/${i}`, name));
    if (isObject(value) && isObject(node['properties'])) {
      const properties = node['properties'] as Record<string, JsonSchema>;
      return Object.fromEntries(
        Object.entries(value).map(([key, child]) => [key, isObject(properties[key]) ? walk(properties[key]!, child, `${pointer}/${key}`, key) : child]),
      );
    }
    return value;
  };
  return { document: walk(schema, document, '', ''), replacements };
}
