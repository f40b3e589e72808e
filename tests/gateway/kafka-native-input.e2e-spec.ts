import { toKafkaBinary } from '@hub/contracts';
import { createKafkaClient, HubProducer, type InboundRecord, memberTopics, readTopicWindow } from '@hub/messaging';
import { VersionedKeyRing, Pseudonymiser } from '@hub/privacy';
import { contractExample } from '../support/contract-examples.js';
import { eventually } from '../support/eventually.js';
import { asMember, bodyOf, startGatewayTestBed, TEST_PSEUDONYM_KEYS, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { produceWithJavaClient, type JavaRecord, type KafkaCompression } from '../support/java-producer.js';
import { testKafkaBrokers, testKafkaSettings } from '../support/test-kafka.js';
import { uniqueName } from '../support/unique-name.js';

const ENROLMENT = 'education.student-enrolment.changed.v1';
const settings = testKafkaSettings('test-scan');

async function recordsOn(topic: string, since: number): Promise<InboundRecord[]> {
  const records: InboundRecord[] = [];
  await readTopicWindow(settings, topic, { since, limit: 10_000_000 }, (r) => records.push(r));
  return records;
}

const ceHeaders = (id: string) => ({ ce_id: id, ce_type: ENROLMENT, ce_source: '/systems/xueji', ce_specversion: '1.0', 'content-type': 'application/json' });
const enrolment = (id: string, value: JavaRecord['value'] = JSON.stringify(contractExample(ENROLMENT)), headers: Record<string, string> = ceHeaders(id)): JavaRecord => ({ key: id, value, headers });

interface Result {
  status: string;
  partition: number;
  offset: string;
  errors?: { path: string; reason: string }[];
}

describe('a department publishing over Kafka with the Java client, as its own systems would', () => {
  let bed: GatewayTestBed;
  const started = Date.now();
  const inbound = memberTopics('education').inbound;

  beforeAll(async () => {
    bed = await startGatewayTestBed('gateway-kafka-native', { members: [{ id: 'education', role: 'department' }] });
  });

  afterAll(async () => {
    await bed?.stop();
  });

  /** The results of the records at these places of the inbound topic, in that order. */
  async function resultsAt(places: readonly { partition: number; offset: string }[]): Promise<Result[]> {
    const at = (place: { partition: number; offset: string }) => `${place.partition}/${place.offset}`;
    let byPlace = new Map<string, Result>();
    await eventually(`results for ${places.map(at).join(', ')}`, async () => {
      byPlace = new Map((await recordsOn(memberTopics('education').results, started)).map((r) => JSON.parse(r.value!.toString()) as Result).map((r) => [at(r), r]));
      return places.every((place) => byPlace.has(at(place)));
    });
    return places.map((place) => byPlace.get(at(place))!);
  }

  it.each<KafkaCompression>(['gzip', 'snappy', 'lz4', 'zstd'])('is answered on its results topic for a batch compressed with %s', async (compression) => {
    const ids = [uniqueName(compression), uniqueName(compression)];
    const offsets = await produceWithJavaClient(
      testKafkaBrokers(),
      inbound,
      compression,
      ids.map((id) => enrolment(id)),
    );
    expect((await resultsAt(offsets)).map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const canonical = await recordsOn(ENROLMENT, started);
    expect(ids.every((id) => canonical.some((r) => r.headers['ce_id'] === id))).toBe(true);
  });

  it('answers each record it cannot read with the reason, publishes none of them, and takes the good record beside them', async () => {
    const id = (label: string) => uniqueName(label);
    const good = id('good');
    const hostile = {
      notUtf8: id('not-utf8'),
      deep: id('deep'),
      large: id('large'),
      twice: id('twice'),
      noType: id('no-type'),
    };
    const { ce_type: _type, ...withoutType } = ceHeaders(hostile.noType);
    const offsets = await produceWithJavaClient(testKafkaBrokers(), inbound, 'lz4', [
      enrolment(hostile.notUtf8, Buffer.from([0x7b, 0xd5, 0xc5, 0x7d])),
      enrolment(hostile.deep, `${'['.repeat(10_000)}${']'.repeat(10_000)}`),
      enrolment(hostile.large, JSON.stringify({ ...contractExample(ENROLMENT), name: 'x'.repeat(300 * 1024) })),
      { key: hostile.twice, value: JSON.stringify(contractExample(ENROLMENT)), headers: [...Object.entries(ceHeaders(hostile.twice)), ['ce_id', `${hostile.twice}-again`]] },
      enrolment(hostile.noType, JSON.stringify(contractExample(ENROLMENT)), withoutType),
      enrolment(good),
    ]);

    const results = await resultsAt(offsets);
    expect(results.map((r) => [r.status, r.errors?.[0]?.path, r.errors?.[0]?.reason])).toEqual([
      ['rejected', '/data', 'is not UTF-8 text'],
      ['rejected', '/data', 'the record nests deeper than 32 levels (maxDepth)'],
      ['rejected', '/data', "the record's value is larger than 262144 bytes (maxRecordBytes)"],
      ['rejected', '/id', 'is given more than once (header ce_id); a CloudEvents attribute has one value'],
      ['rejected', '/type', 'CloudEvent attribute "type" is missing (header ce_type)'],
      ['accepted', undefined, undefined],
    ]);
    const canonical = await recordsOn(ENROLMENT, started);
    expect(Object.values(hostile).filter((hostileId) => canonical.some((r) => r.headers['ce_id'] === hostileId))).toEqual([]);
    expect(canonical.some((r) => r.headers['ce_id'] === good)).toBe(true);
  });

  it('keeps delivering findings to the department after its compressed batches', async () => {
    const person = new Pseudonymiser(VersionedKeyRing.parse(TEST_PSEUDONYM_KEYS)).pseudonymise('person', '640104201204150512');
    const findingId = 'b'.repeat(48) + Date.now().toString(16).padStart(16, '0');
    const finding = { ...contractExample('hub.finding.changed.v1'), findingId, subject: person, change: 'raised', occurredAt: '2026-09-02T08:15:00Z', routedTo: 'education' };
    const producer = new HubProducer(createKafkaClient(testKafkaSettings('test-crosscheck')));
    try {
      await producer.send([
        { topic: bed.findingsTopic, ...toKafkaBinary({ specversion: '1.0', id: uniqueName('f'), source: '/hub/crosscheck', type: 'hub.finding.changed.v1', data: finding }, person) },
      ]);
    } finally {
      await producer.disconnect();
    }
    await eventually('the finding reaches education', async () =>
      (await bodyOf(await asMember(bed, 'education').get('/v1/findings'))).items.some((f: { findingId: string }) => f.findingId === findingId),
    );
  });
});
