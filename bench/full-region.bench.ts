/**
 * The whole region through the hub, as a province would load it: a generated region (by default
 * Ningxia's 7,202,654 residents) published by its five departments through a real gateway (NDJSON,
 * each department in a bulk load), cross-checked by a real crosscheck, with the audit service
 * recording as in production, until the last finding is announced and the audit holds every
 * record. The batches are made as they are sent, so the benchmark never holds the region at once.
 * Prints recall and precision, the open findings announced (peak beside the end), each process's
 * memory at 10 %, 50 % and 100 % of the region sent and at the end, the bytes stored per record
 * (broker, database; the largest tables apart), and raw kafkajs passing as many records through the same broker.
 */
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAuditStore } from '@hub/audit';
import { addCounts, emptyCounts, generateRegion, type ExpectedFinding } from '@hub/demo-region';
import { DEPARTMENT_IDS } from '@hub/departments';
import { pollUntil } from '@hub/local-infra';
import { createKafkaClient } from '@hub/messaging';
import { untilRecorded } from './audit-recorded.js';
import { seconds, writeAuditKeys } from './auditor-commands.js';
import type { BenchInfra } from './bench-infra.js';
import { benchKafkaSettings } from './bench-kafka.js';
import { percentile, report, type Figure } from './bench-report.js';
import { cpuPerRecord, cpuSnapshot, peakRssOfMiB, postBatches, rssOfMiB } from './hub-processes.js';
import { largestTables } from './largest-tables.js';
import { rawPassThrough } from './raw-pass-through.js';
import { regionAccuracy } from './region-accuracy.js';
import { bulkLoad, regionBatches, sampleOpenFindings, startBenchHub, untilJudged } from './region-load.js';

export interface FullRegionOptions {
  persons: number;
  seed: number;
  batchSize: number;
  clients: number;
}

/** Ningxia's residents at the 2020 census, the region the issue loads. */
export const NINGXIA_RESIDENTS = 7_202_654;
const SETTLE_MS = 1000;
/** The region's share sent at which each process's memory is printed. */
const MEMORY_MILESTONES = [0.1, 0.5, 1] as const;

export async function fullRegionBench(projectRoot: string, infra: BenchInfra, options: FullRegionOptions, details: Record<string, unknown>): Promise<void> {
  const { signingKeyFile } = writeAuditKeys(mkdtempSync(join(tmpdir(), 'hub-bench-full-region-')));
  const hub = await startBenchHub(infra, { settleMs: SETTLE_MS, withAudit: { signingKeyFile } });
  const databaseUrl = infra.databaseUrl!;
  const audited = await pollUntil(() => openAuditStore(databaseUrl), { timeoutMs: 120_000, intervalMs: 500, description: 'the audit service to migrate the database' });
  const admin = createKafkaClient(benchKafkaSettings(infra.brokers, 'bench-progress')).admin();
  await admin.connect();
  try {
    const memory: Record<string, Record<string, number>> = {};
    const memoryNow = () => Object.fromEntries(Object.entries(hub.apps).map(([name, child]) => [name, rssOfMiB(child.pid!)]));
    const expected: ExpectedFinding[] = [];
    const counts = emptyCounts();
    let records = 0;
    let persons = 0;
    let milestone = 0;
    let lastShown = performance.now();
    const batches = regionBatches(generateRegion({ persons: options.persons, seed: options.seed }), hub.keys, options.batchSize, (household) => {
      expected.push(...household.expected);
      addCounts(counts, household.counts);
      records += household.records.length;
      persons += household.persons;
      while (milestone < MEMORY_MILESTONES.length && persons >= MEMORY_MILESTONES[milestone] * options.persons) {
        const label = `${MEMORY_MILESTONES[milestone] * 100} % sent`;
        memory[label] = memoryNow();
        console.log(`  ${label}: resident memory ${mib(memory[label])}`);
        milestone++;
      }
      if (seconds(lastShown) >= 10) {
        lastShown = performance.now();
        console.log(`  ${persons.toLocaleString('en')} of ${options.persons.toLocaleString('en')} residents' records sent (${records.toLocaleString('en')} records)`);
      }
    });

    const cpuBefore = cpuSnapshot(hub.apps);
    const sampler = sampleOpenFindings(hub.count);
    const started = performance.now();
    const loads = await Promise.all(DEPARTMENT_IDS.map(async (department) => ({ department, loadId: await bulkLoad(hub.url, hub.keys[department], 'open') })));
    const http = await postBatches(hub.url, batches, options.clients);
    for (const { department, loadId } of loads) await bulkLoad(hub.url, hub.keys[department], `${loadId}/close`);
    const published = performance.now();
    if (http.accepted !== records) throw new Error(`the gateway accepted ${http.accepted} of ${records} records; see GET /v1/rejections`);
    console.log(`all ${records.toLocaleString('en')} records accepted in ${seconds(started).toFixed(0)} s; ${expected.length.toLocaleString('en')} planted findings`);
    await untilJudged(admin, hub, records, 4 * 3_600_000, (folded, unpublished, unjudgedLoads) => {
      console.log(
        `  crosscheck: ${folded.toLocaleString('en')} of ${records.toLocaleString('en')} records folded, ${unjudgedLoads} bulk loads to judge, ${unpublished.toLocaleString('en')} finding changes to announce`,
      );
    });
    const judged = performance.now();
    await untilRecorded(audited.store, records);
    const recorded = performance.now();
    const cpu = cpuPerRecord(cpuBefore, cpuSnapshot(hub.apps), records);
    memory['at the end'] = memoryNow();
    const peakRss = Object.fromEntries(Object.entries(hub.apps).map(([name, child]) => [name, peakRssOfMiB(child.pid!)]));
    const openFindings = await sampler.stop();
    const accuracy = await regionAccuracy(hub.database, hub.pseudonymKeys, expected);
    const stored = { broker: infra.brokerDataDir ? brokerBytes(infra.brokerDataDir) : undefined, database: await hub.count('SELECT pg_database_size(current_database()) AS n') };
    const tables = await largestTables(hub.database);

    const toEnd = (recorded - started) / 1000;
    const endToEnd: Figure = {
      name: `the region through the hub, first record sent to last finding announced and every record audited (${options.clients} clients, batches of ${options.batchSize})`,
      eventsPerSecond: records / toEnd,
    };
    const publishing: Figure = {
      name: 'publishing through the gateway (HTTP, NDJSON)',
      eventsPerSecond: records / ((published - started) / 1000),
      p50Ms: percentile(http.latencies, 50),
      p99Ms: percentile(http.latencies, 99),
    };
    // The hub stops first: left running, the audit would record the baseline's topic beside it.
    await hub.stop();
    const baseline = await rawPassThrough(infra.brokers, records);
    console.log(
      `${options.persons.toLocaleString('en')} residents, ${records.toLocaleString('en')} records: accepted after ${((published - started) / 1000).toFixed(0)} s, the last finding announced after ${((judged - started) / 1000).toFixed(0)} s, every record audited after ${toEnd.toFixed(0)} s (target 600 s)`,
    );
    console.log(
      `recall ${(accuracy.recall * 100).toFixed(2)} %, precision ${(accuracy.precision * 100).toFixed(2)} % (${accuracy.hits.toLocaleString('en')} of ${accuracy.planted.toLocaleString('en')} planted, ${accuracy.found.toLocaleString('en')} raised)`,
    );
    console.log(
      `open findings announced to the departments: peak ${openFindings.announced.peak.toLocaleString('en')}, at the end ${openFindings.announced.final.toLocaleString('en')}; ${openFindings.announcedThenClosed.toLocaleString('en')} announced raises closed again; the crosscheck's own peak ${openFindings.judged.peak.toLocaleString('en')}`,
    );
    console.log('resident memory (MiB) as the region grew:');
    console.table(memory);
    console.log(`peak RSS: ${mib(peakRss)}`);
    console.log(
      `stored: broker ${stored.broker === undefined ? 'not measured (a broker given)' : `${gib(stored.broker)} (${Math.round(stored.broker / records)} bytes a record)`}, database ${gib(stored.database)} (${Math.round(stored.database / records)} bytes a record); the last session's manual run of the region took 39 GB`,
    );
    console.log('the largest tables (indexes and TOAST included; rows estimated):');
    console.table(Object.fromEntries(tables.map((t) => [t.table, { MiB: Math.round(t.bytes / 2 ** 20), 'bytes a record': Math.round(t.bytes / records), rows: t.rows }])));
    console.log(
      `end to end / raw pass-through: ${(endToEnd.eventsPerSecond / baseline.eventsPerSecond).toFixed(2)}; CPU per record (µs): ${Object.entries(cpu.microsecondsPerRecord)
        .map(([part, micros]) => `${part} ${micros}`)
        .join(', ')}`,
    );
    report(projectRoot, 'full-region', [endToEnd, publishing, baseline], {
      ...details,
      options,
      records,
      seconds: { accepted: (published - started) / 1000, lastFinding: (judged - started) / 1000, audited: toEnd },
      recall: accuracy.recall,
      precision: accuracy.precision,
      byRule: accuracy.byRule,
      openFindings,
      memoryMiB: memory,
      peakRssMiB: peakRss,
      storedBytes: stored,
      largestTables: tables,
      cpu,
      counts,
    });
  } finally {
    await admin.disconnect();
    await audited.close();
    await hub.stop();
  }
}

const mib = (byProcess: Record<string, number>) =>
  Object.entries(byProcess)
    .map(([name, value]) => `${name} ${value} MiB`)
    .join(', ');
const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;

/**
 * The bytes the broker's partition data takes on disk: the files under each node's `data` folder
 * (its own logs beside them are not the hub's data), by the blocks they use, since Kafka makes
 * each segment's index files 10 MiB long and leaves them sparse.
 */
function brokerBytes(folder: string, inData = false): number {
  let bytes = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) bytes += brokerBytes(path, inData || entry.name === 'data');
    else if (inData && entry.isFile()) bytes += statSync(path).blocks * 512;
  }
  return bytes;
}
