import type { CsvMapping, SubmissionRecord } from '@hub/hub-client';

const ID_COLUMN = '记录编号';
const TIME_COLUMN = '办理时间';

const cell = (value: unknown): string => {
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * A department's records of one event type as its system would export them: a CSV file with a
 * header row (the record number, the time, then a column per field), and the mapping the
 * department declares for it. The fields must be flat (no lists or objects).
 */
export function csvExport(records: readonly SubmissionRecord[]): { csv: string; mapping: CsvMapping } {
  const fields = [...new Set(records.flatMap((record) => Object.keys(record.data)))];
  const lines = [[ID_COLUMN, TIME_COLUMN, ...fields].map(cell).join(',')];
  for (const record of records) lines.push([record.id, record.time ?? '', ...fields.map((field) => record.data[field])].map(cell).join(','));
  return { csv: `${lines.join('\n')}\n`, mapping: { idColumn: ID_COLUMN, timeColumn: TIME_COLUMN, columns: Object.fromEntries(fields.map((field) => [field, field])) } };
}
