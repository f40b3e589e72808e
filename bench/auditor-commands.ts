/**
 * The auditors' commands as an auditor runs them, each in a process of its own (not in the
 * benchmark's, whose heap may hold a generated region), and the baseline they are compared with.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGION_DAY } from '@hub/demo-region';
import type { ReplayReport } from '@hub/replay';
import type { Figure } from './bench-report.js';

export const seconds = (since: number) => (performance.now() - since) / 1000;

/** The baseline, kafkajs alone reading the same canonical topics, in a process of its own (see raw-read-process.ts). */
export function rawReadProcess(projectRoot: string, brokers: readonly string[], records: number): Figure {
  const run = spawnSync(process.execPath, [join(projectRoot, 'dist/bench/raw-read-process.js'), brokers.join(','), String(records)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the raw kafkajs read failed (exit ${run.status}): ${run.stderr}`);
  const { eventsPerSecond } = JSON.parse(run.stdout) as { eventsPerSecond: number };
  return { name: 'raw kafkajs read of the same canonical topics (a consumer group, from the beginning; a process of its own)', eventsPerSecond };
}

/**
 * `hub replay` of the whole history as an auditor runs it, in a process of its own with the heap
 * settings the command gives itself: its own figure (records over the time from the start of the
 * reading to the report), its phases, and the whole command's time with Node's start.
 */
export function replayCommand(projectRoot: string, brokers: readonly string[], asOf: Date, reportFile: string): { report: ReplayReport; recordsPerSecond: number; phases: string; commandSeconds: number } {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [join(projectRoot, 'apps/cli/bin/hub.js'), 'replay', '--as-of', asOf.toISOString(), '--evaluation-date', REGION_DAY, '--brokers', brokers.join(','), '--findings-topic', 'hub.finding.changed.v1', '--out', reportFile],
    { encoding: 'utf8', maxBuffer: 64 * 1_048_576 },
  );
  const commandSeconds = seconds(started);
  const timing = /^replayed [\d,]+ canonical records in [\d.]+ s \(([\d,]+) records\/s\): (.+)$/m.exec(run.stderr);
  if (run.status !== 0 || !timing) throw new Error(`hub replay failed (exit ${run.status}): ${run.stdout}${run.stderr}`);
  return { report: JSON.parse(readFileSync(reportFile, 'utf8')) as ReplayReport, recordsPerSecond: Number(timing[1]!.replace(/,/g, '')), phases: timing[2]!, commandSeconds };
}
