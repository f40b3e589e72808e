/**
 * `hub replay` of a whole synthetic region's history (by default the full region, 7.2 million
 * residents) beside kafkajs alone reading the same topics, once just before and once just after
 * it, on the same broker in the same run. The region's records are prepared as the gateway
 * prepares them (the standard contracts, pseudonyms, CloudEvents in binary mode, keyed as the
 * contracts say) and produced straight onto the canonical topics: the replay reads only those
 * topics, and through the gateway's API a full region would take hours to load.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, Partitioners, type Message } from 'kafkajs';
import { readContractFolder } from '@hub/contract-files';
import { ContractValidator, toKafkaBinary, type ContractBinding } from '@hub/contracts';
import { generateRegion } from '@hub/demo-region';
import { prepareCanonicalEvent, type IngestContract } from '@hub/ingest';
import { FACT_EVENT_TYPES } from '@hub/precise-aid';
import { PseudonymKeyRing, Pseudonymiser } from '@hub/privacy';
import { rawReadProcess, replayCommand, seconds } from './auditor-commands.js';
import type { BenchInfra } from './bench-infra.js';
import { report, type Figure } from './bench-report.js';

export interface ReplayRegionOptions {
  persons: number;
  seed: number;
  /** Records produced per request. */
  batchSize: number;
}

/** As many partitions as the gateway gives a canonical topic by default. */
const PARTITIONS = 6;

export async function replayRegionBench(projectRoot: string, infra: BenchInfra, options: ReplayRegionOptions, details: Record<string, unknown>): Promise<void> {
  const loaded = await produceRegion(projectRoot, infra.brokers, options);
  console.log(`produced ${loaded.records.toLocaleString('en')} canonical records of ${options.persons.toLocaleString('en')} residents in ${loaded.seconds.toFixed(0)} s`);
  const asOf = new Date();
  const before = rawReadProcess(projectRoot, infra.brokers, loaded.records);
  const replayed = replayCommand(projectRoot, infra.brokers, asOf, join(mkdtempSync(join(tmpdir(), 'hub-bench-replay-region-')), 'replay-report.json'));
  const after = rawReadProcess(projectRoot, infra.brokers, loaded.records);
  console.log(`replay phases: ${replayed.phases}`);
  const replay: Figure = { name: `hub replay of the whole history, as run (${replayed.report.log.records} canonical records, ${replayed.report.findings.open} open findings)`, eventsPerSecond: replayed.recordsPerSecond };
  const baseline: Figure = { name: `${before.name}, the mean of a read before the replay (${Math.round(before.eventsPerSecond)}/s) and one after (${Math.round(after.eventsPerSecond)}/s)`, eventsPerSecond: (before.eventsPerSecond + after.eventsPerSecond) / 2 };
  const ratio = replay.eventsPerSecond / baseline.eventsPerSecond;
  console.log(`replay / raw kafkajs read: ${ratio.toFixed(2)} (target 0.70; the whole replay command with Node's start ${replayed.commandSeconds.toFixed(1)} s)`);
  report(projectRoot, 'replay-region', [replay, baseline], { ...details, options, records: loaded.records, ratio, raw: [before.eventsPerSecond, after.eventsPerSecond], replay: { commandSeconds: replayed.commandSeconds, phases: replayed.phases } });
}

/** Generates the region and produces its canonical records, as the gateway would write them, showing progress. */
async function produceRegion(projectRoot: string, brokers: readonly string[], options: ReplayRegionOptions): Promise<{ records: number; seconds: number }> {
  const contracts = ingestContracts(projectRoot);
  const pseudonymiser = new Pseudonymiser(new PseudonymKeyRing([{ version: 1, secret: randomBytes(32) }]));
  const kafka = new Kafka({ brokers: [...brokers], clientId: 'bench-replay-region', logLevel: logLevel.WARN });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: FACT_EVENT_TYPES.map((topic) => ({ topic, numPartitions: PARTITIONS })), waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const started = performance.now();
  let records = 0;
  let pending = new Map<string, Message[]>();
  let inBatch = 0;
  const flush = async () => {
    await producer.sendBatch({ acks: -1, topicMessages: [...pending].map(([topic, messages]) => ({ topic, messages })) });
    pending = new Map();
    inBatch = 0;
  };
  try {
    for (const household of generateRegion({ persons: options.persons, seed: options.seed })) {
      for (const { department, record } of household.records) {
        const prepared = prepareCanonicalEvent(department, record, contracts.get(record.type), pseudonymiser, new Date());
        if (prepared.status !== 'accepted') throw new Error(`the generated record ${record.id} was rejected: ${JSON.stringify(prepared.rejections)}`);
        const message = toKafkaBinary(prepared.event, prepared.key);
        (pending.get(prepared.topic) ?? pending.set(prepared.topic, []).get(prepared.topic)!).push(message);
        records++;
        if (++inBatch >= options.batchSize) await flush();
        if (records % 500_000 === 0) console.log(`  ${records.toLocaleString('en')} records produced, ${Math.round(records / seconds(started)).toLocaleString('en')}/s`);
      }
    }
    if (inBatch > 0) await flush();
  } finally {
    await producer.disconnect();
  }
  return { records, seconds: seconds(started) };
}

/** The standard contracts as the gateway's catalog holds them, by event type. */
function ingestContracts(projectRoot: string): Map<string, IngestContract> {
  const validator = new ContractValidator();
  return new Map(
    readContractFolder(join(projectRoot, 'contracts')).map((file) => {
      const id = validator.add(file.schema);
      const binding = file.schema['x-hub-contract'] as ContractBinding;
      return [binding.topic, { binding, lifecycle: 'active', schema: file.schema, validate: (document: unknown) => validator.validate(id, document) }];
    }),
  );
}
