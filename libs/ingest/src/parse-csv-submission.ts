import { parse } from 'csv-parse/sync';
import type { JsonSchema } from '@hub/contracts';
import type { CsvMapping } from './csv-mapping.js';
import { entryFromValue } from './entry-from-value.js';
import { SubmissionError, SubmissionLimitError, type SubmissionEntry } from './submission.js';
import type { SubmissionLimits } from './submission-limits.js';

type Cell = string | number | boolean;

/** A cell as the field's JSON type: exports hold text, contracts want numbers and booleans typed. */
function typed(cell: string, fieldSchema: unknown): Cell | undefined {
  if (cell === '') return undefined;
  const type = (fieldSchema as { type?: unknown } | undefined)?.type;
  if ((type === 'integer' && /^-?\d+$/.test(cell)) || (type === 'number' && cell.trim() !== '' && Number.isFinite(Number(cell)))) return Number(cell);
  if (type === 'boolean' && ['true', 'false'].includes(cell.toLowerCase())) return cell.toLowerCase() === 'true';
  return cell;
}

/**
 * Reads a CSV export's text (a header row, RFC 4180 quoting, a byte-order mark or not) as records
 * of one event type by the department's declared mapping. An empty cell leaves its field out, so
 * the contract says whether it was required; a cell of the wrong type stays text, so the contract
 * names the field. Rows past the record limit are not read: the request is refused.
 * @throws SubmissionError when the header lacks a mapped column or the CSV cannot be read.
 */
export function parseCsvSubmission(text: string, type: string, mapping: CsvMapping, schema: JsonSchema, limits: SubmissionLimits): SubmissionEntry[] {
  let rows: string[][];
  try {
    const parsed: unknown = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, max_record_size: limits.maxRecordBytes, to: limits.maxRecords + 2 });
    rows = parsed as string[][];
  } catch (error) {
    throw new SubmissionError(`the CSV cannot be read: ${(error as Error).message}`);
  }
  if (rows.length > limits.maxRecords + 1) {
    throw new SubmissionLimitError(`the CSV holds more than ${limits.maxRecords} rows; at most ${limits.maxRecords} are accepted at once (maxRecords): split it`, 'maxRecords', limits.maxRecords);
  }
  const [header, ...body] = rows;
  if (!header) throw new SubmissionError('the CSV has no header row');
  const needed = [mapping.idColumn, ...(mapping.timeColumn ? [mapping.timeColumn] : []), ...Object.keys(mapping.columns)];
  const missing = needed.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new SubmissionError(`the CSV header lacks the mapped column(s) ${missing.map((c) => `"${c}"`).join(', ')}`);
  const at = new Map(header.map((column, i) => [column, i]));
  const properties = (schema['properties'] ?? {}) as Record<string, unknown>;

  return body.map((row, index): SubmissionEntry => {
    const cell = (column: string) => row[at.get(column)!] ?? '';
    if (row.length !== header.length) {
      return { index, unreadable: { path: '', reason: `row ${index + 1} has ${row.length} cells; the header has ${header.length}` }, raw: row };
    }
    const data: Record<string, Cell> = {};
    for (const [column, field] of Object.entries(mapping.columns)) {
      const value = typed(cell(column), properties[field]);
      if (value !== undefined) data[field] = value;
    }
    const time = mapping.timeColumn ? cell(mapping.timeColumn) : '';
    // The same checks of the id and the text as a record sent as JSON.
    return entryFromValue(index, { id: cell(mapping.idColumn), type, ...(time ? { time } : {}), data });
  });
}
