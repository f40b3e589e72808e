/**
 * `hub replay` of a whole synthetic region's history (by default the full region, 7.2 million
 * residents) beside kafkajs alone reading the same topics, once just before and once just after
 * it, on the same broker in the same run. The region's records are produced straight onto the
 * canonical topics (see region-produce.ts): the replay reads only those topics.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawReadProcess, replayCommand } from './auditor-commands.js';
import type { BenchInfra } from './bench-infra.js';
import { report, type Figure } from './bench-report.js';
import { produceRegion, type RegionProduceOptions } from './region-produce.js';

export async function replayRegionBench(projectRoot: string, infra: BenchInfra, options: RegionProduceOptions, details: Record<string, unknown>): Promise<void> {
  const loaded = await produceRegion(projectRoot, infra.brokers, options);
  console.log(`produced ${loaded.records.toLocaleString('en')} canonical records of ${options.persons.toLocaleString('en')} residents in ${loaded.seconds.toFixed(0)} s`);
  const asOf = new Date();
  const before = rawReadProcess(projectRoot, infra.brokers, loaded.records);
  const replayed = replayCommand(projectRoot, infra.brokers, asOf, join(mkdtempSync(join(tmpdir(), 'hub-bench-replay-region-')), 'replay-report.json'));
  const after = rawReadProcess(projectRoot, infra.brokers, loaded.records);
  console.log(`replay phases: ${replayed.phases}`);
  const replay: Figure = {
    name: `hub replay of the whole history, as run (${replayed.report.log.records} canonical records, ${replayed.report.findings.open} open findings)`,
    eventsPerSecond: replayed.recordsPerSecond,
  };
  const baseline: Figure = {
    name: `${before.name}, the mean of a read before the replay (${Math.round(before.eventsPerSecond)}/s) and one after (${Math.round(after.eventsPerSecond)}/s)`,
    eventsPerSecond: (before.eventsPerSecond + after.eventsPerSecond) / 2,
  };
  const ratio = replay.eventsPerSecond / baseline.eventsPerSecond;
  console.log(`replay / raw kafkajs read: ${ratio.toFixed(2)} (target 0.70; the whole replay command with Node's start ${replayed.commandSeconds.toFixed(1)} s)`);
  report(projectRoot, 'replay-region', [replay, baseline], {
    ...details,
    options,
    records: loaded.records,
    ratio,
    raw: [before.eventsPerSecond, after.eventsPerSecond],
    replay: { commandSeconds: replayed.commandSeconds, phases: replayed.phases },
  });
}
