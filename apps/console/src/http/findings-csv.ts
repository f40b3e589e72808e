import type { DeliveredFinding } from '@hub/gateway';

const COLUMNS: readonly [string, (finding: DeliveredFinding) => string][] = [
  ['线索编号 finding', (f) => f.findingId],
  ['规则 rule', (f) => f.rule],
  ['期间 period', (f) => f.period],
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

/** A cell as RFC 4180 quotes it; a leading = + - @ is prefixed with ' so a spreadsheet does not run it as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The findings as CSV, one row each, headings in Chinese and English, with a byte order mark for spreadsheets. */
export function findingsCsv(findings: readonly DeliveredFinding[]): string {
  const rows = [COLUMNS.map(([heading]) => heading), ...findings.map((finding) => COLUMNS.map(([, value]) => value(finding)))];
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
