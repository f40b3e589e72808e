import writeXlsxFile from 'write-excel-file/node';
import type { DeliveredFinding } from '@hub/gateway';

const COLUMNS: readonly [string, (finding: DeliveredFinding) => string][] = [
  ['线索编号 finding', (f) => f.findingId],
  ['规则 rule', (f) => f.rule],
  ['期间 period', (f) => f.period],
  ['县区 county', (f) => f.county ?? ''],
  ['资助项目 item', (f) => f.item ?? ''],
  ['状态 state', (f) => f.state],
  ['说明 explanation', (f) => f.explanation],
  [
    '本部门记录 record keys',
    (f) =>
      Object.entries(f.recordKeys)
        .map(([field, key]) => `${field}=${key}`)
        .join('; '),
  ],
  ['最近答复 last response', (f) => f.responses.at(-1)?.response ?? ''],
  ['发生时间 occurred at', (f) => f.occurredAt],
];

/** Characters wide of each column in the workbook: the id and the explanation are long. */
const WIDTHS = [24, 30, 14, 10, 22, 8, 80, 36, 14, 26];

function rowsOf(findings: readonly DeliveredFinding[]): string[][] {
  return [COLUMNS.map(([heading]) => heading), ...findings.map((finding) => COLUMNS.map(([, value]) => value(finding)))];
}

/** A cell as RFC 4180 quotes it; a leading = + - @ is prefixed with ' so a spreadsheet does not run it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The findings as CSV, one row each, headings in Chinese and English, with a byte order mark for spreadsheets. */
export function findingsCsv(findings: readonly DeliveredFinding[]): string {
  return `\uFEFF${rowsOf(findings)
    .map((row) => row.map(csvCell).join(','))
    .join('\r\n')}\r\n`;
}

/**
 * The findings as an Excel workbook (Office Open XML), the same rows as the CSV. Every cell is
 * written as a string, never a formula, so nothing in it runs when the sheet is opened; the
 * heading row stays in view while scrolling.
 */
export function findingsXlsx(findings: readonly DeliveredFinding[]): Promise<Buffer> {
  const rows = rowsOf(findings).map((row, index) => row.map((value) => ({ value, type: String, ...(index === 0 ? { fontWeight: 'bold' as const } : {}) })));
  return writeXlsxFile(rows, { sheet: '问题线索', stickyRowsCount: 1, columns: WIDTHS.map((width) => ({ width })) }).toBuffer();
}
