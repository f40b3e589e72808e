/**
 * Fuzzing the hub's doors with malformed input (fast-check: seeded, and shrinking a failure to
 * its smallest case), against the real gateway, registry and broker: JSON, NDJSON and CSV bodies
 * over HTTP, records on a member's inbound topic, schemas at the registry. FUZZ_RUNS (2,000 in
 * npm test, more in `npm run fuzz`) bodies and records in all; FUZZ_SEED picks another sequence.
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { Producer } from 'kafkajs';
import { createKafkaClient, memberTopics, readTopicWindow } from '@hub/messaging';
import { eventually } from '../support/eventually.js';
import { asMember, startGatewayTestBed, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { startRegistry, type TestRegistry } from '../support/registry-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testKafkaSettings } from '../support/test-kafka.js';
import { uniqueName } from '../support/unique-name.js';
import { ENROLMENT_CSV_MAPPING } from '../support/enrolment-csv-mapping.js';
import { AID, csvBody, ENROLMENT, ID, jsonBody, kafkaRecord, ndjsonBody, registrySchema, type FuzzBody, type FuzzKafkaRecord } from './malformed-inputs.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 2_000);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_205);
const KAFKA_RECORDS_PER_RUN = 25;
/** Each property's time: ample for the machine here, so that only a hang fails it. */
const TIMEOUT_MS = Math.max(300_000, RUNS * 100);
const settings = testKafkaSettings('test-fuzz-scan');
const idBytes = Buffer.from(ID);

interface Result {
  id?: string;
  status: 'accepted' | 'rejected';
  partition: number;
  offset: string;
}

describe(`malformed input never crashes the hub (${RUNS} bodies and records, seed ${SEED})`, () => {
  let bed: GatewayTestBed;
  let registryDatabase: TestDatabase;
  let registry: TestRegistry;
  let producer: Producer;
  const started = Date.now();
  const run = uniqueName('fuzz');
  let sequence = 0;
  /** Record ids the gateway answered accepted, and ids of records it refused or of requests it refused. */
  const accepted = new Set<string>();
  const refused = new Set<string>();

  /** The bytes with a fresh id of this run in place of each id placeholder, and those ids. */
  function withIds(bytes: Buffer): { bytes: Buffer; ids: string[] } {
    const parts: Buffer[] = [];
    const ids: string[] = [];
    let from = 0;
    for (let at = bytes.indexOf(idBytes); at >= 0; at = bytes.indexOf(idBytes, from)) {
      const id = `${run}-${sequence++}`;
      ids.push(id);
      parts.push(bytes.subarray(from, at), Buffer.from(id));
      from = at + idBytes.length;
    }
    parts.push(bytes.subarray(from));
    return { bytes: Buffer.concat(parts), ids };
  }

  beforeAll(async () => {
    bed = await startGatewayTestBed('fuzz', { members: [{ id: 'education', role: 'department', recordsPerSecond: 100_000_000, maxRequestBytes: 1024 * 1024 }] });
    expect((await asMember(bed, 'education').put(`/v1/csv-mappings/${ENROLMENT}`, ENROLMENT_CSV_MAPPING)).status).toBe(200);
    registryDatabase = await createTestDatabase('fuzz-registry');
    registry = await startRegistry(registryDatabase);
    producer = createKafkaClient({ ...testKafkaSettings('test-fuzz-department'), quiet: true }).producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await registry?.app.close();
    await registryDatabase?.drop();
    await bed?.stop();
  });

  async function send(input: FuzzBody): Promise<void> {
    const { bytes, ids } = withIds(input.body);
    const body = input.gzipOnSend ? gzipSync(bytes) : bytes;
    const headers: Record<string, string> = {
      authorization: `Bearer ${bed.keys['education']}`,
      'content-type': input.contentType,
      ...(input.contentEncoding ? { 'content-encoding': input.contentEncoding } : {}),
    };
    const response = await fetch(`${bed.url}/v1/events${input.query ?? ''}`, { method: 'POST', headers, body }).catch((caught: unknown) => {
      const error = caught as Error;
      const cause = error.cause as NodeJS.ErrnoException | undefined;
      throw new Error(`no answer (${error.message}: ${cause?.code ?? ''} ${cause?.message ?? ''}) to ${input.contentType} ${input.contentEncoding ?? ''}`);
    });
    const answer = (await response.json()) as { message?: string; results?: Result[] };
    if (response.status >= 500) throw new Error(`answered ${response.status} (${answer.message}) to ${input.contentType} ${input.contentEncoding ?? ''}: ${bytes.toString('utf8').slice(0, 300)}`);
    if (response.status !== 200) {
      ids.forEach((id) => refused.add(id));
      return;
    }
    for (const result of answer.results ?? []) {
      if (!result.id?.startsWith(run)) continue;
      (result.status === 'accepted' ? accepted : refused).add(result.id);
    }
  }

  it(
    'answers every malformed JSON, NDJSON and CSV body with a 4xx or a result per record, never a 5xx',
    async () => {
      const body = fc.oneof({ weight: 3, arbitrary: jsonBody }, { weight: 2, arbitrary: ndjsonBody }, { weight: 2, arbitrary: csvBody });
      await fc.assert(fc.asyncProperty(body, send), { seed: SEED, numRuns: Math.round(RUNS * 0.7) });
    },
    TIMEOUT_MS,
  );

  async function produce(records: readonly FuzzKafkaRecord[]): Promise<void> {
    const ids: string[][] = [];
    const messages = records.map((record) => {
      const headers = Object.fromEntries(
        Object.entries(record.headers).map(([name, value]) => {
          const values = (Array.isArray(value) ? value : [value]).map((one) => withIds(Buffer.from(one)));
          ids.push(values.flatMap((v) => v.ids));
          return [name, Array.isArray(value) ? values.map((v) => v.bytes) : values[0].bytes];
        }),
      );
      return { partition: 0, key: record.key, value: record.value, headers };
    });
    const [written] = await producer.send({ topic: memberTopics('education').inbound, acks: -1, messages });
    const first = BigInt(written.baseOffset!);
    const offsets = new Set(messages.map((_, i) => String(first + BigInt(i))));
    let results: Result[] = [];
    await eventually(`the gateway to answer records ${first} to ${first + BigInt(messages.length - 1)}`, async () => {
      const onTopic: Result[] = [];
      await readTopicWindow(settings, memberTopics('education').results, { since: started, limit: 10_000_000 }, (r) => onTopic.push(JSON.parse(r.value!.toString()) as Result));
      results = onTopic.filter((r) => r.partition === 0 && offsets.has(r.offset));
      return results.length === messages.length;
    });
    for (const result of results) {
      if (result.status !== 'accepted' && result.status !== 'rejected') throw new Error(`record ${result.offset} answered ${JSON.stringify(result)}`);
      if (result.id?.startsWith(run)) (result.status === 'accepted' ? accepted : refused).add(result.id);
    }
  }

  it(
    "answers every malformed record of a member's inbound topic on its results topic, the consumer never stuck",
    async () => {
      await fc.assert(fc.asyncProperty(fc.array(kafkaRecord, { minLength: 1, maxLength: 2 * KAFKA_RECORDS_PER_RUN }), produce), {
        seed: SEED,
        numRuns: Math.ceil((RUNS * 0.2) / KAFKA_RECORDS_PER_RUN),
      });
    },
    TIMEOUT_MS,
  );

  it(
    'answers every malformed schema at the registry with a 4xx or a registration, never a 5xx',
    async () => {
      await fc.assert(
        fc.asyncProperty(registrySchema, fc.boolean(), async (schema, asConfluent) => {
          const response = await fetch(`${registry.url}/subjects/${run}-schema/versions`, {
            method: 'POST',
            headers: { 'content-type': asConfluent ? 'application/vnd.schemaregistry.v1+json' : 'application/json', ...registry.as('integration-engineer') },
            body: JSON.stringify({ schemaType: 'JSON', schema }),
          });
          const answer = (await response.json()) as { message?: string };
          if (response.status >= 500) throw new Error(`the registry answered ${response.status} (${answer.message}) to ${schema.slice(0, 300)}`);
        }),
        { seed: SEED, numRuns: Math.round(RUNS * 0.1) },
      );
    },
    TIMEOUT_MS,
  );

  it('published every record it accepted, none it refused nor of a request it refused, and is still ready', async () => {
    const onTopics = new Set<string>();
    for (const topic of [AID, ENROLMENT]) {
      await readTopicWindow(settings, topic, { since: started, limit: 10_000_000 }, (r) => {
        const id = r.headers['ce_id'];
        if (id?.startsWith(run)) onTopics.add(id);
      });
    }
    expect(accepted.size).toBeGreaterThan(0);
    expect(refused.size).toBeGreaterThan(0);
    expect([...refused].filter((id) => onTopics.has(id))).toEqual([]);
    expect([...accepted].filter((id) => !onTopics.has(id))).toEqual([]);
    expect(bed.gateway.exited).toBe(false);
    expect((await fetch(`${bed.url}/health/ready`)).status).toBe(200);
    expect((await fetch(`${registry.url}/subjects`, { headers: registry.as('integration-engineer') })).status).toBe(200);
  });
});
