import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from '@hub/local-infra';

/** One fault as the fault suite measured it (issue 25). */
export interface FaultRow {
  fault: string;
  /** Seconds from the fault until the service was doing its work again. */
  recoverySeconds: number;
  /** Records published and not yet taken by the service when the fault struck. */
  inFlight: number;
  lost: number;
  duplicated: number;
}

const RESULTS = join(findProjectRoot(), 'test-output', 'faults', 'faults.jsonl');

/** Prints the suite's rows as a table and keeps them in test-output/faults/faults.jsonl, a line each with the time it ran. */
export function reportFaults(rows: readonly FaultRow[]): void {
  if (rows.length === 0) return;
  mkdirSync(join(findProjectRoot(), 'test-output', 'faults'), { recursive: true });
  const at = new Date().toISOString();
  for (const row of rows) appendFileSync(RESULTS, `${JSON.stringify({ at, ...row })}\n`);
  const header = ['fault', 'time to recover (s)', 'records in flight', 'lost', 'duplicated'];
  const lines = rows.map((row) => [row.fault, row.recoverySeconds.toFixed(1), String(row.inFlight), String(row.lost), String(row.duplicated)]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  process.stdout.write(`\n${[format(header), format(widths.map((width) => '-'.repeat(width))), ...lines.map(format)].join('\n')}\n\n`);
}

/**
 * The row of a fault under which clients published: lost are the records a gateway accepted that
 * are not on the topic (listed, for the failure message), duplicated those on it more than once.
 */
export function publishingFault(
  fault: string,
  measured: Pick<FaultRow, 'recoverySeconds' | 'inFlight'>,
  accepted: ReadonlySet<string>,
  copies: ReadonlyMap<string, number>,
): { row: FaultRow; lost: string[] } {
  const lost = [...accepted].filter((id) => !copies.has(id));
  return { row: { fault, ...measured, lost: lost.length, duplicated: [...copies.values()].filter((count) => count > 1).length }, lost };
}
