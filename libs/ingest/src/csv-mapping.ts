import type { JsonSchema } from '@hub/contracts';

/**
 * How a department's CSV export maps onto a contract: which column is the record id, which (if
 * any) the event time, and which column holds each contract field. Columns not named are ignored,
 * since exports carry more than the contract needs.
 */
export interface CsvMapping {
  idColumn: string;
  timeColumn?: string;
  /** CSV column header → contract field. */
  columns: Record<string, string>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The problems of a declared mapping against the contract's fields, each in a sentence; empty when it is usable. */
export function csvMappingProblems(mapping: unknown, schema: JsonSchema): string[] {
  if (!isObject(mapping)) return ['the mapping must be an object with idColumn and columns'];
  const problems: string[] = [];
  if (typeof mapping['idColumn'] !== 'string' || mapping['idColumn'].length === 0) problems.push("idColumn must name the column that holds each record's id");
  if (mapping['timeColumn'] !== undefined && typeof mapping['timeColumn'] !== 'string') problems.push('timeColumn, when given, must name a column');
  if (!isObject(mapping['columns'])) return [...problems, 'columns must map column headers to contract fields'];
  const fields = isObject(schema['properties']) ? Object.keys(schema['properties']) : [];
  const mapped = Object.entries(mapping['columns']);
  for (const [column, field] of mapped) {
    if (typeof field !== 'string' || !fields.includes(field)) problems.push(`column "${column}" maps to "${String(field)}", which is not a field of the contract (fields: ${fields.join(', ')})`);
  }
  const targets = mapped.map(([, field]) => field);
  const twice = targets.filter((field, i) => targets.indexOf(field) !== i);
  for (const field of new Set(twice)) problems.push(`more than one column maps to "${String(field)}"`);
  const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
  for (const field of required.filter((f) => !targets.includes(f))) problems.push(`no column maps to the required field "${field}"`);
  return problems;
}
