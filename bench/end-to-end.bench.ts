/**
 * Publish to findings: a synthetic region loaded through the hub (region-load.ts) until the last
 * finding is out; recall and precision against the planted gaps; beside raw kafkajs passing the
 * same number of records through the same broker (produce, then consume) in the same run.
 */
import type { BenchInfra } from './bench-infra.js';
import { peakRssMiB, percentile, report, type Figure } from './bench-report.js';
import { peakRssOfMiB } from './hub-processes.js';
import { prevalenceRows } from '@hub/demo-region';
import { rawPassThrough } from './raw-pass-through.js';
import { regionAccuracy, withRates } from './region-accuracy.js';
import { loadRegion } from './region-load.js';

export interface EndToEndOptions {
  persons: number;
  seed: number;
  batchSize: number;
  clients: number;
  /** Crosscheck instances in one consumer group. */
  crosschecks: number;
  /** Each department loads in a bulk load (the findings are announced once the loads are judged). */
  bulkLoads: boolean;
}

const SETTLE_MS = 1000;

export async function endToEndBench(projectRoot: string, infra: BenchInfra, options: EndToEndOptions, details: Record<string, unknown>): Promise<void> {
  const region = await loadRegion(infra, { ...options, settleMs: SETTLE_MS });
  const { records, started, published, finished } = region;
  try {
    const rss = Object.fromEntries(Object.entries(region.apps).map(([name, child]) => [name, peakRssOfMiB(child.pid!)]));
    const { recall, precision, hits, planted, found, byRule } = await regionAccuracy(region.database, region.pseudonymKeys, region.expected);

    // The hub stops first, so that the baseline has the machine to itself as the hub had.
    await region.stop();
    const baseline = await rawPassThrough(infra.brokers, records);
    const endToEnd: Figure = {
      name: `publish to last finding (${options.clients} clients, batches of ${options.batchSize}, ${options.crosschecks} crosscheck${options.crosschecks === 1 ? '' : 's'}, settle ${SETTLE_MS} ms)`,
      eventsPerSecond: records / ((finished - started) / 1000),
    };
    const publishing: Figure = {
      name: 'publishing through the gateway (HTTP, NDJSON)',
      eventsPerSecond: records / ((published - started) / 1000),
      p50Ms: percentile(region.requestLatencies, 50),
      p99Ms: percentile(region.requestLatencies, 99),
    };
    const ratio = endToEnd.eventsPerSecond / baseline.eventsPerSecond;
    console.log(
      `time to the last finding: ${((finished - started) / 1000).toFixed(1)} s; recall ${(recall * 100).toFixed(2)} %, precision ${(precision * 100).toFixed(2)} % (${hits} of ${planted} planted, ${found} raised)`,
    );
    console.table(withRates(byRule, region.counts));
    console.log("the region beside the review's targets (../shared/policy-review.md §4):");
    console.table(prevalenceRows(region.counts));
    const rssParts = Object.entries(rss).map(([name, mib]) => `${name} ${mib} MiB`);
    console.log(`end to end / raw pass-through: ${ratio.toFixed(2)}   peak RSS: ${rssParts.join(', ')}, benchmark client ${peakRssMiB()} MiB`);
    const cpuParts = Object.entries(region.cpu.microsecondsPerRecord).map(([part, micros]) => `${part} ${micros}`);
    console.log(`CPU per record (µs), first record sent to last finding out: ${cpuParts.join(', ')}; the machine's ${(region.cpu.machineBusy * 100).toFixed(0)} % busy`);
    report(projectRoot, 'end-to-end', [endToEnd, publishing, baseline], {
      ...details,
      options,
      records,
      secondsToLastFinding: (finished - started) / 1000,
      recall,
      precision,
      byRule,
      prevalences: prevalenceRows(region.counts),
      ratio,
      peakRssMiB: rss,
      cpu: region.cpu,
      openFindings: region.openFindings,
    });
  } finally {
    await region.stop();
  }
}
