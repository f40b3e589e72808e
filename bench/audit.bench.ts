/**
 * The auditors' long runs on a synthetic region loaded through the hub with the audit service
 * recording: `hub replay` of the whole history beside kafkajs alone reading the same canonical
 * topics in the same run, and `hub audit verify` over the whole audit store.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { openAuditStore, verifyAuditStore } from '@hub/audit';
import { REGION_DAY } from '@hub/demo-region';
import { pollUntil } from '@hub/local-infra';
import { FACT_EVENT_TYPES, POLICY_2026 } from '@hub/precise-aid';
import { kafkaLogSource, replayAsOf, type ReplayPhase } from '@hub/replay';
import type { BenchInfra } from './bench-infra.js';
import { peakRssMiB, report, type Figure } from './bench-report.js';
import { stopApp } from './hub-processes.js';
import { loadRegion } from './region-load.js';

export interface AuditBenchOptions {
  persons: number;
  seed: number;
  batchSize: number;
  clients: number;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

export async function auditBench(projectRoot: string, infra: BenchInfra, options: AuditBenchOptions, details: Record<string, unknown>): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'hub-bench-audit-'));
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signingKeyFile = join(folder, 'audit-signing-key.pem');
  writeFileSync(signingKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const publicKeyFile = join(folder, 'audit-public-key.pem');
  writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));

  const region = await loadRegion(projectRoot, infra, { ...options, settleMs: 1000, withAudit: { signingKeyFile } });
  try {
    const topics = FACT_EVENT_TYPES.map((t) => `'${t}'`).join(', ');
    await pollUntil(async () => ((await region.count(`SELECT count(*) AS n FROM audit_entry WHERE topic IN (${topics})`)) >= region.records ? true : undefined), {
      timeoutMs: 3_600_000,
      intervalMs: 500,
      description: 'the audit to record every canonical record',
    });
    // Stopped in order, the audit seals what it recorded last.
    await stopApp(region.apps.audit!);
    const asOf = new Date();

    const baseline = await rawRead(infra.brokers, region.records);

    let started = performance.now();
    const phases = new Map<ReplayPhase, number>();
    const replayed = await replayAsOf({
      source: kafkaLogSource({ brokers: infra.brokers, clientId: 'bench-replay' }),
      asOf,
      policy: POLICY_2026,
      evaluationDate: REGION_DAY,
      findingsTopic: 'hub.finding.changed.v1',
      onProgress: (phase) => phases.set(phase, performance.now()),
    });
    const [read, judged] = [phases.get('canonical records read')!, phases.get('persons judged')!];
    console.log(`replay phases: reading the canonical topics ${((read - started) / 1000).toFixed(2)} s, judging ${((judged - read) / 1000).toFixed(2)} s, then the rest of the findings topic and the comparison ${seconds(judged).toFixed(2)} s`);
    const replay: Figure = { name: `hub replay of the whole history (${replayed.log.records} canonical records, ${replayed.findings.open} open findings)`, eventsPerSecond: replayed.log.records / seconds(started) };
    const reportFile = join(folder, 'replay-report.json');
    writeFileSync(reportFile, JSON.stringify(replayed, null, 2));
    console.log(`replay: ${replayed.findings.open} open findings; against those announced: ${replayed.differences.appears} appear, ${replayed.differences.disappears} disappear, ${replayed.differences.changes} change (report: ${reportFile})`);

    const verification = verifyCommand(projectRoot, infra.databaseUrl!, infra.brokers, publicKeyFile);
    const verify: Figure = { name: `hub audit verify, as run (${verification.summary})`, eventsPerSecond: verification.entriesPerSecond };

    const ratio = replay.eventsPerSecond / baseline.eventsPerSecond;
    console.log(`replay / raw kafkajs read: ${ratio.toFixed(2)} (target 0.70)   verify: ${Math.round(verify.eventsPerSecond)} entries/s (target 100,000; the whole command with Node's start ${verification.commandSeconds.toFixed(1)} s)   peak RSS of this process (replay runs in it): ${peakRssMiB()} MiB`);
    report(projectRoot, 'audit', [replay, baseline, verify], { ...details, options, records: region.records, ratio, differences: replayed.differences.items.length, verify: { entries: verification.entries, commandSeconds: verification.commandSeconds } });
  } finally {
    await region.stop();
  }
}

/**
 * `hub audit verify` as an auditor runs it, in a process of its own (not in this one, whose heap
 * holds the generated region): its own figure (entries over the time from the start of the walk to
 * the verdict), and the whole command's time with Node's start.
 */
function verifyCommand(projectRoot: string, databaseUrl: string, brokers: readonly string[], publicKeyFile: string): { entries: number; entriesPerSecond: number; summary: string; commandSeconds: number } {
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(projectRoot, 'apps/cli/bin/hub.js'), 'audit', 'verify', '--database', databaseUrl, '--brokers', brokers.join(','), '--public-key', publicKeyFile], { encoding: 'utf8' });
  const commandSeconds = seconds(started);
  const verdict = /^intact: (.+ entries, \d+ checkpoints), in [\d.]+ s \(([\d,]+) entries\/s\)/m.exec(run.stdout);
  if (run.status !== 0 || !verdict) throw new Error(`hub audit verify did not find the run's audit store intact (exit ${run.status}): ${run.stdout}${run.stderr}`);
  const number = (text: string) => Number(text.replace(/,/g, ''));
  return { entries: number(/([\d,]+) entries/.exec(verdict[1]!)![1]!), entriesPerSecond: number(verdict[2]!), summary: verdict[1]!, commandSeconds };
}

/** The baseline: kafkajs alone reading the canonical topics from the beginning in a group of its own, start to last record. */
async function rawRead(brokers: string[], records: number): Promise<Figure> {
  const kafka = new Kafka({ brokers, clientId: 'bench-raw-read', logLevel: logLevel.WARN });
  const consumer = kafka.consumer({ groupId: `bench-read-${Date.now()}`, maxBytesPerPartition: 4 * 1_048_576 });
  await consumer.connect();
  await consumer.subscribe({ topics: [...FACT_EVENT_TYPES], fromBeginning: true });
  let seen = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        seen += batch.messages.length;
        if (seen >= records) resolve();
      },
    });
  });
  const elapsed = seconds(started);
  await consumer.disconnect();
  return { name: 'raw kafkajs read of the same canonical topics (a consumer group, from the beginning)', eventsPerSecond: records / elapsed };
}
