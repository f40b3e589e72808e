/**
 * The auditors' long runs on a synthetic region loaded through the hub with the audit service
 * recording: `hub replay` of the whole history beside kafkajs alone reading the same canonical
 * topics in the same run, and `hub audit verify` over the whole audit store.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pollUntil } from '@hub/local-infra';
import { FACT_EVENT_TYPES } from '@hub/precise-aid';
import type { BenchInfra } from './bench-infra.js';
import { rawReadProcess, replayCommand, verifyCommand, writeAuditKeys } from './auditor-commands.js';
import { report, type Figure } from './bench-report.js';
import { stopApp } from './hub-processes.js';
import { loadRegion } from './region-load.js';

export interface AuditBenchOptions {
  persons: number;
  seed: number;
  batchSize: number;
  clients: number;
}

export async function auditBench(projectRoot: string, infra: BenchInfra, options: AuditBenchOptions, details: Record<string, unknown>): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'hub-bench-audit-'));
  const { signingKeyFile, publicKeyFile } = writeAuditKeys(folder);

  const region = await loadRegion(infra, { ...options, settleMs: 1000, withAudit: { signingKeyFile } });
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

    const baseline = rawReadProcess(projectRoot, infra.brokers, region.records);
    const reportFile = join(folder, 'replay-report.json');
    const replayed = replayCommand(projectRoot, infra.brokers, asOf, reportFile);
    console.log(`replay phases: ${replayed.phases}`);
    const replay: Figure = {
      name: `hub replay of the whole history, as run (${replayed.report.log.records} canonical records, ${replayed.report.findings.open} open findings)`,
      eventsPerSecond: replayed.recordsPerSecond,
    };
    const { differences } = replayed.report;
    console.log(
      `replay: ${replayed.report.findings.open} open findings; against those announced: ${differences.appears} appear, ${differences.disappears} disappear, ${differences.changes} change (report: ${reportFile})`,
    );

    const verification = verifyCommand(projectRoot, infra.databaseUrl!, infra.brokers, publicKeyFile);
    const verify: Figure = { name: `hub audit verify, as run (${verification.summary})`, eventsPerSecond: verification.entriesPerSecond };

    const ratio = replay.eventsPerSecond / baseline.eventsPerSecond;
    console.log(
      `replay / raw kafkajs read: ${ratio.toFixed(2)} (target 0.70; the whole replay command with Node's start ${replayed.commandSeconds.toFixed(1)} s)   verify: ${Math.round(verify.eventsPerSecond)} entries/s (target 100,000; the whole command with Node's start ${verification.commandSeconds.toFixed(1)} s)`,
    );
    report(projectRoot, 'audit', [replay, baseline, verify], {
      ...details,
      options,
      records: region.records,
      ratio,
      differences: differences.items.length,
      replay: { commandSeconds: replayed.commandSeconds },
      verify: { entries: verification.entries, commandSeconds: verification.commandSeconds },
    });
  } finally {
    await region.stop();
  }
}
