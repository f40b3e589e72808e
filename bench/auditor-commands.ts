/**
 * The auditors' commands as an auditor runs them, each in a process of its own (not in the
 * benchmark's, whose heap may hold a generated region), and the baseline they are compared with.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGION_DAY } from '@hub/demo-region';
import type { ReplayReport } from '@hub/replay';
import type { Figure } from './bench-report.js';

export const seconds = (since: number) => (performance.now() - since) / 1000;

/** A fresh audit key pair in a folder: the private key the audit service signs with, the public key verify trusts. */
export function writeAuditKeys(folder: string): { signingKeyFile: string; publicKeyFile: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signingKeyFile = join(folder, 'audit-signing-key.pem');
  writeFileSync(signingKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const publicKeyFile = join(folder, 'audit-public-key.pem');
  writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
  return { signingKeyFile, publicKeyFile };
}

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
export function replayCommand(
  projectRoot: string,
  brokers: readonly string[],
  asOf: Date,
  reportFile: string,
): { report: ReplayReport; recordsPerSecond: number; phases: string; commandSeconds: number } {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      join(projectRoot, 'apps/cli/bin/hub.js'),
      'replay',
      '--as-of',
      asOf.toISOString(),
      '--evaluation-date',
      REGION_DAY,
      '--brokers',
      brokers.join(','),
      '--findings-topic',
      'hub.finding.changed.v1',
      '--out',
      reportFile,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1_048_576 },
  );
  const commandSeconds = seconds(started);
  const timing = /^replayed [\d,]+ canonical records in [\d.]+ s \(([\d,]+) records\/s\): (.+)$/m.exec(run.stderr);
  if (run.status !== 0 || !timing) throw new Error(`hub replay failed (exit ${run.status}): ${run.stdout}${run.stderr}`);
  return { report: JSON.parse(readFileSync(reportFile, 'utf8')) as ReplayReport, recordsPerSecond: Number(timing[1].replace(/,/g, '')), phases: timing[2], commandSeconds };
}

/**
 * `hub audit verify` as an auditor runs it, in a process of its own (not in this one, whose heap
 * holds the generated region): its own figure (entries over the time from the start of the walk to
 * the verdict), and the whole command's time with Node's start.
 */
export function verifyCommand(
  projectRoot: string,
  databaseUrl: string,
  brokers: readonly string[],
  publicKeyFile: string,
): { entries: number; entriesPerSecond: number; summary: string; commandSeconds: number } {
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(projectRoot, 'apps/cli/bin/hub.js'), 'audit', 'verify', '--database', databaseUrl, '--brokers', brokers.join(','), '--public-key', publicKeyFile], {
    encoding: 'utf8',
  });
  const commandSeconds = seconds(started);
  const verdict = /^intact: (.+ entries, \d+ checkpoints), in [\d.]+ s \(([\d,]+) entries\/s\)/m.exec(run.stdout);
  if (run.status !== 0 || !verdict) throw new Error(`hub audit verify did not find the run's audit store intact (exit ${run.status}): ${run.stdout}${run.stderr}`);
  const number = (text: string) => Number(text.replace(/,/g, ''));
  return { entries: number(/([\d,]+) entries/.exec(verdict[1])![1]), entriesPerSecond: number(verdict[2]), summary: verdict[1], commandSeconds };
}

/**
 * Verify's baseline: PostgreSQL streaming the same chains' stored columns as `hub audit verify`
 * reads them (a binary COPY by the chain's index, two chains at a time) to a reader that does
 * nothing with them, in a process of its own (see raw-store-read-process.ts).
 */
export function rawStoreReadProcess(projectRoot: string, databaseUrl: string): Figure & { entries: number } {
  const run = spawnSync(process.execPath, [join(projectRoot, 'dist/bench/raw-store-read-process.js'), databaseUrl], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the raw read of the audit store failed (exit ${run.status}): ${run.stderr}`);
  const { entries, entriesPerSecond } = JSON.parse(run.stdout) as { entries: number; entriesPerSecond: number };
  return {
    name: 'raw read of the same audit entries (their stored columns by binary COPY in offset order, two chains at a time, nothing checked; a process of its own)',
    eventsPerSecond: entriesPerSecond,
    entries,
  };
}
