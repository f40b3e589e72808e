import { CLASSIFICATION_KEYWORD, deriveFrom, derivedFields, findIdentityNumbers, type JsonSchema } from '@hub/contracts';
import type { Pseudonymiser } from './pseudonymiser.js';

/** One identifier the pseudonymiser replaced: where, in which domain, and by what. */
export interface Replacement {
  pointer: string;
  domain: string;
  pseudonym: string;
  /** The identifier itself: only the gateway keeps this (encrypted), to answer departments in their own keys. */
  original: string;
}

/** A resident the record names: their person pseudonym, identity number and, where the record gives it, name. */
export interface NamedPerson {
  pseudonym: string;
  identityNumber: string;
  name?: string;
}

export interface PseudonymisedDocument {
  document: unknown;
  replacements: Replacement[];
  /** The residents the record names, for the gateway's identity vault (entitled re-identification). */
  persons: NamedPerson[];
  /**
   * JSON pointers of the string values outside personal-identifier fields that hold a resident
   * identity number (in any form findIdentityNumbers knows): a record with any is refused.
   */
  strayIdentityNumbers: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const kebab = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-');
const escapePointer = (name: string) => (name.includes('~') || name.includes('/') ? name.replace(/~/g, '~0').replace(/\//g, '~1') : name);
/** The property that holds a person's name beside their identity number, in every standard contract. */
const NAME_PROPERTY = 'name';
const domains = new Map<string, string>();
/** The pseudonym domain of a department's field, e.g. `education-student-number` (memoised: it is asked for every record). */
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
 * Turns a department's document into its canonical form, by each field's classification:
 * - `personal-identifier`: replaced by its keyed pseudonym; resident identity numbers (format
 *   cn-resident-id) in the hub-wide `person` domain, so records meet across departments; other
 *   identifiers (household numbers, 学籍号, certificate numbers, even when they embed an identity
 *   number) as a whole, in a domain of the owning department and field;
 * - `personal` (names, who responded): a string is replaced by a keyed token in the domain of its
 *   owner and field, so equal values stay equal and none can be read; null stays; any other value
 *   is dropped.
 *   An object or array classified `personal` is a container: its properties go by their own class;
 * - `public`, or a value the contract does not describe: kept, and every string in it is searched
 *   for identity numbers, which a department must not put there (strayIdentityNumbers).
 * Beside an identity number, the values its field derives (`x-hub-derived`, e.g. the school entry year).
 * The input is left unchanged.
 */
export function pseudonymiseDocument(schema: JsonSchema, document: unknown, owner: string, pseudonymiser: Pseudonymiser): PseudonymisedDocument {
  const replacements: Replacement[] = [];
  const persons: NamedPerson[] = [];
  const strayIdentityNumbers: string[] = [];
  const searchForIdentityNumbers = (value: unknown, pointer: string): void => {
    // A number too: 18 digits sent as a JSON number still show the shape once read.
    if (typeof value === 'string' || typeof value === 'number') {
      if (findIdentityNumbers(String(value)).length > 0) strayIdentityNumbers.push(pointer);
    } else if (Array.isArray(value))
      value.forEach((item, i) => {
        searchForIdentityNumbers(item, `${pointer}/${i}`);
      });
    else if (isObject(value)) for (const [key, child] of Object.entries(value)) searchForIdentityNumbers(child, `${pointer}/${escapePointer(key)}`);
  };
  const walk = (node: JsonSchema | undefined, value: unknown, pointer: string, name: string, parent?: Record<string, unknown>): unknown => {
    const classification = node?.[CLASSIFICATION_KEYWORD];
    if (classification === 'personal-identifier' && typeof value === 'string') {
      const domain = node!['format'] === 'cn-resident-id' ? 'person' : domainOf(owner, name);
      const pseudonym = pseudonymiser.pseudonymise(domain, value);
      replacements.push({ pointer, domain, pseudonym, original: value });
      if (domain === 'person') {
        const personName = parent?.[NAME_PROPERTY];
        persons.push({ pseudonym, identityNumber: value, ...(typeof personName === 'string' ? { name: personName } : {}) });
      }
      return pseudonym;
    }
    if (classification === 'personal' && !Array.isArray(value) && !isObject(value)) {
      if (typeof value === 'string') return pseudonymiser.pseudonymise(domainOf(owner, name), value);
      return value === null ? null : undefined;
    }
    if (node === undefined || classification === 'public' || classification === undefined) {
      if (!Array.isArray(value) && !isObject(value)) {
        searchForIdentityNumbers(value, pointer);
        return value;
      }
    }
    if (Array.isArray(value)) {
      const items = isObject(node?.['items']) ? (node['items'] as JsonSchema) : undefined;
      return value.map((item, i) => walk(items, item, `${pointer}/${i}`, name));
    }
    if (isObject(value)) {
      const properties = isObject(node?.['properties']) ? (node['properties'] as Record<string, JsonSchema>) : {};
      const result: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value)) {
        const canonical = walk(isObject(properties[key]) ? properties[key] : undefined, child, `${pointer}/${escapePointer(key)}`, key, value);
        if (canonical !== undefined) result[key] = canonical;
        // The coarse values a contract derives from an identity number (x-hub-derived) go beside its pseudonym.
        if (isObject(properties[key]) && typeof child === 'string') Object.assign(result, deriveFrom(derivedFields(properties[key]), child));
      }
      return result;
    }
    return value;
  };
  return { document: walk(schema, document, '', ''), replacements, persons, strayIdentityNumbers };
}
