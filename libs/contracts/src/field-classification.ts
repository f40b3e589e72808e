import { CLASSIFICATION_KEYWORD, CLASSIFICATIONS, type Classification, type JsonSchema } from './contract-annotations.js';

export interface ClassifiedField {
  /** JSON pointer into the documents, with `*` for every item of an array. */
  pointer: string;
  classification: Classification;
}

const isSchema = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);

function walk(schema: JsonSchema, pointer: string, visit: (pointer: string, property: JsonSchema) => void): void {
  const properties = schema['properties'];
  if (isSchema(properties)) {
    for (const [name, property] of Object.entries(properties)) {
      if (!isSchema(property)) continue;
      const child = `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      visit(child, property);
      walk(property, child, visit);
    }
  }
  const items = schema['items'];
  if (isSchema(items)) walk(items, `${pointer}/*`, visit);
}

/** Every property of the contract with its classification, in document order. */
export function classifiedFields(schema: JsonSchema): ClassifiedField[] {
  const fields: ClassifiedField[] = [];
  walk(schema, '', (pointer, property) => {
    const value = property[CLASSIFICATION_KEYWORD];
    if ((CLASSIFICATIONS as readonly unknown[]).includes(value)) fields.push({ pointer, classification: value as Classification });
  });
  return fields;
}

/** Pointers of properties that carry no (or no known) classification; a contract needs none of these. */
export function unclassifiedFields(schema: JsonSchema): string[] {
  const missing: string[] = [];
  walk(schema, '', (pointer, property) => {
    if (!(CLASSIFICATIONS as readonly unknown[]).includes(property[CLASSIFICATION_KEYWORD])) missing.push(pointer);
  });
  return missing;
}
