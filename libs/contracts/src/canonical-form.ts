import { CLASSIFICATION_KEYWORD, CONSISTENCY_KEYWORD, DERIVED_KEYWORD, type JsonSchema } from './contract-annotations.js';
import { derivedFields, derivedFieldSchema } from './derived-fields.js';

/** A hub pseudonym: `p<key version>.<domain>.<43 base64url characters>` (HMAC-SHA-256). */
export const PSEUDONYM_PATTERN = '^p[0-9]+\\.[a-z0-9-]{1,60}\\.[A-Za-z0-9_-]{43}$';

const isSchema = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);

function pseudonymField(field: JsonSchema): JsonSchema {
  const { type, format: _format, pattern: _pattern, minLength: _min, maxLength: _max, examples: _examples, [DERIVED_KEYWORD]: _derived, ...rest } = field;
  const nullable = Array.isArray(type) && type.includes('null');
  return { ...rest, type: nullable ? ['string', 'null'] : 'string', pattern: PSEUDONYM_PATTERN };
}

const isContainer = (node: JsonSchema) => node['type'] === 'object' || node['type'] === 'array';
const mayBeString = (node: JsonSchema) => node['type'] === 'string' || (Array.isArray(node['type']) && node['type'].includes('string'));

/** A `personal` value that cannot be a string is dropped from canonical events, so it may be missing. */
function withoutDroppedPersonal(node: JsonSchema): JsonSchema {
  const properties = node['properties'];
  if (!isSchema(properties) || !Array.isArray(node['required'])) return node;
  const dropped = (name: string) => {
    const child = properties[name];
    return isSchema(child) && child[CLASSIFICATION_KEYWORD] === 'personal' && !isContainer(child) && !mayBeString(child);
  };
  return { ...node, required: (node['required'] as string[]).filter((name) => !dropped(name)) };
}

/** The fields the gateway adds beside an identity number it derives them from (`x-hub-derived`). */
const derivedProperties = (name: string, property: unknown): [string, JsonSchema][] =>
  isSchema(property) ? Object.entries(derivedFields(property)).map(([field, derivation]) => [field, derivedFieldSchema(derivation, name)]) : [];

function transform(node: JsonSchema): JsonSchema {
  const classification = node[CLASSIFICATION_KEYWORD];
  if ((classification === 'personal-identifier' || (classification === 'personal' && mayBeString(node))) && !isContainer(node)) return pseudonymField(node);
  if (classification === 'personal' && !isContainer(node)) return {};
  const copy: JsonSchema = withoutDroppedPersonal(node);
  if (isSchema(node['properties']))
    copy['properties'] = Object.fromEntries(Object.entries(node['properties']).flatMap(([name, child]) => [[name, isSchema(child) ? transform(child) : child], ...derivedProperties(name, child)]));
  if (isSchema(node['items'])) copy['items'] = transform(node['items']);
  return copy;
}

/**
 * The contract of a canonical topic: the department's contract with every personal identifier
 * holding the gateway's pseudonym instead, every `personal` string its keyed token, and any other
 * `personal` value left out, and the fields it derives from an identity number (`x-hub-derived`)
 * beside it (the gateway does this before anything reaches the topic). Checks
 * of what is on a topic use this form; examples are dropped, since they show identifiers in the
 * clear, and so are the checks across fields, which compare values the pseudonyms no longer show.
 */
export function canonicalForm(schema: JsonSchema): JsonSchema {
  const { examples: _examples, [CONSISTENCY_KEYWORD]: _consistency, ...rest } = transform(schema);
  return rest;
}
