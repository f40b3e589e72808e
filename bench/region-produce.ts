/**
 * A synthetic region's canonical records, prepared as the gateway prepares them (the standard
 * contracts, pseudonyms, CloudEvents in binary mode, keyed as the contracts say) and produced
 * straight onto the canonical topics: through the gateway's API a full region would take hours to
 * load. The benchmarks over a whole region's history stand on it.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel, Partitioners, type Message } from 'kafkajs';
import { readContractFolder } from '@hub/contract-files';
import { ContractValidator, toKafkaBinary } from '@hub/contracts';
import { generateRegion } from '@hub/demo-region';
import { prepareCanonicalEvent, type IngestContract } from '@hub/ingest';
import { FACT_EVENT_TYPES } from '@hub/precise-aid';
import { VersionedKeyRing, Pseudonymiser } from '@hub/privacy';
import { seconds } from './auditor-commands.js';
import { benchSasl } from './bench-kafka.js';

export interface RegionProduceOptions {
  persons: number;
  seed: number;
  /** Records produced per request. */
  batchSize: number;
}

/** As many partitions as the gateway gives a canonical topic by default. */
const PARTITIONS = 6;

/** Generates the region and produces its canonical records, as the gateway would write them, showing progress. */
export async function produceRegion(projectRoot: string, brokers: readonly string[], options: RegionProduceOptions): Promise<{ records: number; seconds: number }> {
  const contracts = ingestContracts(projectRoot);
  const pseudonymiser = new Pseudonymiser(new VersionedKeyRing([{ version: 1, secret: randomBytes(32) }]));
  const kafka = new Kafka({ brokers: [...brokers], clientId: 'bench-region-produce', logLevel: logLevel.WARN, ...benchSasl() });
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
      const binding = file.binding;
      return [binding.topic, { binding, lifecycle: 'active', schema: file.schema, validate: (document: unknown) => validator.validate(id, document) }];
    }),
  );
}
