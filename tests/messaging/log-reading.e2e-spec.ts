import { CompressionTypes, type Message, type Producer } from 'kafkajs';
import { createKafkaClient, logCutsAt, readLogCuts, readLogUntil, type InboundRecord } from '@hub/messaging';
import { testKafkaSettings } from '../support/test-kafka.js';
import { uniqueName } from '../support/unique-name.js';

const settings = () => testKafkaSettings('log-reading-test');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A moment strictly between what was written before it and what is written after. */
async function momentAfterWrites(): Promise<Date> {
  await pause(20);
  const moment = new Date();
  await pause(20);
  return moment;
}

/** Values are views into fetched bytes the reader reuses, so what is kept past a batch is copied. */
const kept = (batch: InboundRecord[]) => batch.map((record) => ({ ...record, value: record.value && Buffer.from(record.value) }));

async function readAll(topics: string[], until: Date): Promise<InboundRecord[]> {
  const records: InboundRecord[] = [];
  await readLogUntil(settings(), topics, until, async (batch) => void records.push(...kept(batch)));
  return records;
}

const cloudEventHeaders = (id: string) => ({
  ce_specversion: '1.0',
  ce_id: id,
  ce_source: '/departments/education',
  ce_type: 'education.student-enrolment.changed.v1',
  'content-type': 'application/json',
});

describe('reading the log up to a moment', () => {
  const kafka = createKafkaClient({ ...testKafkaSettings('log-reading-test'), quiet: true });
  let producer: Producer;

  beforeAll(async () => {
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
  });

  afterAll(() => producer.disconnect());

  async function createTopic(partitions: number): Promise<string> {
    const topic = uniqueName('log-reading');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
    await admin.disconnect();
    return topic;
  }

  it('reads every record written by the moment, each partition in offset order, with its key, value, headers and time', async () => {
    const topic = await createTopic(3);
    const written: Message[] = Array.from({ length: 300 }, (_, i) => ({ key: `person-${i % 17}`, value: JSON.stringify({ n: i }), headers: cloudEventHeaders(`event-${i}`) }));
    for (let i = 0; i < written.length; i += 100) await producer.send({ topic, acks: -1, messages: written.slice(i, i + 100) });
    const until = await momentAfterWrites();
    await producer.send({ topic, acks: -1, messages: [{ key: 'person-1', value: JSON.stringify({ n: 'after the moment' }) }] });

    const records = await readAll([topic], until);

    expect(records.map((record) => JSON.parse(record.value!.toString()).n).sort((a, b) => a - b)).toEqual(written.map((_, i) => i));
    for (let partition = 0; partition < 3; partition++) {
      const offsets = records.filter((record) => record.partition === partition).map((record) => Number(record.offset));
      expect(offsets).toEqual(offsets.map((_, i) => i));
    }
    const first = records.find((record) => record.value!.toString() === '{"n":0}')!;
    expect(first).toMatchObject({ topic, key: 'person-0', headers: cloudEventHeaders('event-0') });
    expect(Number(first.timestamp)).toBeLessThanOrEqual(until.getTime());
  });

  it('gives a record without a key or a value as null, and a header written twice as both values joined', async () => {
    const topic = await createTopic(1);
    await producer.send({ topic, acks: -1, messages: [{ key: null, value: null, headers: { tag: ['a', 'b'] } }] });

    const [record] = await readAll([topic], await momentAfterWrites());

    expect(record).toMatchObject({ key: null, value: null, headers: { tag: 'a,b' } });
  });

  it('reads gzip-compressed batches as they were written', async () => {
    const topic = await createTopic(1);
    await producer.send({ topic, acks: -1, compression: CompressionTypes.GZIP, messages: Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })) });

    const records = await readAll([topic], await momentAfterWrites());

    expect(records.map((record) => record.value!.toString())).toEqual(Array.from({ length: 50 }, (_, i) => `v${i}`));
  });

  it('leaves out the records of an aborted transaction and keeps those of a committed one', async () => {
    const topic = await createTopic(1);
    const transactional = kafka.producer({ transactionalId: uniqueName('log-reading-tx'), idempotent: true, maxInFlightRequests: 1 });
    await transactional.connect();
    try {
      const aborted = await transactional.transaction();
      await aborted.send({ topic, acks: -1, messages: [{ value: 'aborted-1' }, { value: 'aborted-2' }] });
      await aborted.abort();
      await producer.send({ topic, acks: -1, messages: [{ value: 'plain' }] });
      const committed = await transactional.transaction();
      await committed.send({ topic, acks: -1, messages: [{ value: 'committed' }] });
      await committed.commit();
    } finally {
      await transactional.disconnect();
    }

    const records = await readAll([topic], await momentAfterWrites());

    expect(records.map((record) => record.value!.toString())).toEqual(['plain', 'committed']);
  });

  it('reads a partition larger than many fetch responses, every value intact while its batch is handled', async () => {
    const topic = await createTopic(1);
    const valueOf = (i: number) => `${i}:`.padEnd(4096, String.fromCharCode(97 + (i % 26)));
    for (let i = 0; i < 3000; i += 200) await producer.send({ topic, acks: -1, messages: Array.from({ length: 200 }, (_, n) => ({ key: `k${i + n}`, value: valueOf(i + n) })) });
    const intact: boolean[] = [];

    await readLogUntil(settings(), [topic], await momentAfterWrites(), async (batch) => {
      for (const record of batch) intact.push(record.value!.toString() === valueOf(Number(record.offset)));
    });

    expect(intact.length).toBe(3000);
    expect(intact.every(Boolean)).toBe(true);
  });

  it('hands on only the records whose key the filter keeps, having read the same cuts', async () => {
    const topic = await createTopic(2);
    await producer.send({ topic, acks: -1, messages: Array.from({ length: 60 }, (_, i) => ({ key: i % 3 === 0 ? null : `person-${i % 3}`, value: `v${i}` })) });
    const cuts = await logCutsAt(settings(), [topic], await momentAfterWrites());
    const keys: (string | null)[] = [];

    const handed = await readLogCuts(
      settings(),
      cuts,
      async (batch) => void keys.push(...batch.map((record) => record.key)),
      (bytes, start, end) => bytes !== null && bytes.toString('utf8', start, end) === 'person-2',
    );

    expect(handed).toBe(20);
    expect(new Set(keys)).toEqual(new Set(['person-2']));
    expect(cuts.reduce((sum, cut) => sum + Number(cut.end) - Number(cut.start), 0)).toBe(60);
  });

  it('finds nothing in a topic that does not exist', async () => {
    const reading = await readLogUntil(settings(), [uniqueName('log-reading-missing')], new Date(), () => Promise.reject(new Error('no batch was expected')));

    expect(reading).toEqual({ cuts: [], records: 0 });
  });

  it('ends with the error of the batch handler, having handed on no batch after it', async () => {
    const topic = await createTopic(3);
    for (let partition = 0; partition < 3; partition++) await producer.send({ topic, acks: -1, messages: [{ partition, value: `p${partition}` }] });
    let handed = 0;

    const reading = readLogUntil(settings(), [topic], await momentAfterWrites(), async () => {
      handed++;
      throw new Error('the handler failed');
    });

    await expect(reading).rejects.toThrow('the handler failed');
    expect(handed).toBe(1);
  });
});
