/**
 * `hub audit verify` over the audit store of a whole synthetic region (by default a million
 * residents) beside PostgreSQL alone streaming the same entries, in the same run. The region's
 * canonical records are produced straight onto the topics (see region-produce.ts) while the audit
 * service records them, as it would beside a live hub; it is stopped, sealing what it recorded
 * last, before the store is read.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAuditStore } from '@hub/audit';
import { pollUntil } from '@hub/local-infra';
import { untilRecorded } from './audit-recorded.js';
import { rawStoreReadProcess, seconds, verifyCommand, writeAuditKeys } from './auditor-commands.js';
import type { BenchInfra } from './bench-infra.js';
import { report, type Figure } from './bench-report.js';
import { startApp, stopApp } from './hub-processes.js';
import { produceRegion, type RegionProduceOptions } from './region-produce.js';

export async function auditRegionBench(projectRoot: string, infra: BenchInfra, options: RegionProduceOptions, details: Record<string, unknown>): Promise<void> {
  const databaseUrl = infra.databaseUrl!;
  const { signingKeyFile, publicKeyFile } = writeAuditKeys(mkdtempSync(join(tmpdir(), 'hub-bench-audit-region-')));
  const audit = startApp('apps/audit/src/main.js', {
    KAFKA_BROKERS: infra.brokers.join(','),
    DATABASE_URL: databaseUrl,
    SERVICE_NAME: 'bench-audit-region',
    AUDIT_SIGNING_KEY_FILE: signingKeyFile,
    AUDIT_STORE_KEYS: `1:${randomBytes(32).toString('base64')}`,
    AUDIT_TOPIC_REFRESH_MS: '2000',
  });
  // Once the audit service has migrated the database: a reader never migrates.
  const audited = await pollUntil(() => openAuditStore(databaseUrl), { timeoutMs: 120_000, intervalMs: 500, description: 'the audit service to migrate the database' });
  try {
    const started = performance.now();
    const loaded = await produceRegion(projectRoot, infra.brokers, options);
    console.log(`produced ${loaded.records.toLocaleString('en')} canonical records of ${options.persons.toLocaleString('en')} residents in ${loaded.seconds.toFixed(0)} s`);
    await untilRecorded(audited.store, loaded.records);
    const recordingSeconds = seconds(started);
    console.log(`the audit had recorded every one ${(recordingSeconds - loaded.seconds).toFixed(0)} s after the last was produced`);
    await stopApp(audit);

    const baseline = rawStoreReadProcess(projectRoot, databaseUrl);
    const verification = verifyCommand(projectRoot, databaseUrl, infra.brokers, publicKeyFile);
    const verify: Figure = { name: `hub audit verify, as run (${verification.summary})`, eventsPerSecond: verification.entriesPerSecond };
    const ratio = verify.eventsPerSecond / baseline.eventsPerSecond;
    console.log(
      `verify: ${Math.round(verify.eventsPerSecond).toLocaleString('en')} entries/s (target 100,000; the whole command with Node's start ${verification.commandSeconds.toFixed(1)} s); ${ratio.toFixed(2)} of the raw read of the same ${baseline.entries.toLocaleString('en')} entries`,
    );
    report(projectRoot, 'audit-region', [verify, baseline], {
      ...details,
      options,
      records: loaded.records,
      ratio,
      recording: { seconds: recordingSeconds },
      verify: { entries: verification.entries, commandSeconds: verification.commandSeconds },
    });
  } finally {
    await stopApp(audit);
    await audited.close();
  }
}
