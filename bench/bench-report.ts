import { appendFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export interface Figure {
  name: string;
  eventsPerSecond: number;
  p50Ms?: number;
  p99Ms?: number;
}

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return 0;
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor((p / 100) * sortedMs.length))];
}

/** Peak resident set size of this process so far, in MiB. */
export const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

export function machine(extra: Record<string, unknown>) {
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, ...extra };
}

/** Prints the figures as a table and appends them as one JSON line to bench/results.jsonl. */
export function report(projectRoot: string, bench: string, figures: Figure[], details: Record<string, unknown>): void {
  const rows = figures.map((f) => ({
    measure: f.name,
    'events/s': Math.round(f.eventsPerSecond),
    'p50 ms': f.p50Ms?.toFixed(1) ?? '',
    'p99 ms': f.p99Ms?.toFixed(1) ?? '',
  }));
  console.table(rows);
  console.log(`peak RSS of the benchmark process: ${peakRssMiB()} MiB`);
  const line = { bench, at: new Date().toISOString(), figures, peakRssMiB: peakRssMiB(), ...details };
  appendFileSync(join(projectRoot, 'bench', 'results.jsonl'), `${JSON.stringify(line)}\n`);
}
