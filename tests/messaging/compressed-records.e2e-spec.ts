import { RecordHeader } from '@hub/messaging';
import { eventually } from '../support/eventually.js';
import { produceWithJavaClient, type KafkaCompression } from '../support/java-producer.js';
import { createLedgerTestBed, ledgerState, type LedgerTestBed } from '../support/ledger-fixture.js';
import { testKafkaBrokers } from '../support/test-kafka.js';
import { TopicReader } from '../support/topic-reader.js';

const entry = (account: string, amount: number) => ({ key: account, value: JSON.stringify({ account, amount }) });

describe("records a Java client compressed with any of Kafka's codecs reach a hub consumer", () => {
  let bed: LedgerTestBed;
  let deadLetters: TopicReader;
  let applied = 0;

  beforeAll(async () => {
    bed = await createLedgerTestBed('compressed', 1);
    deadLetters = await TopicReader.start(bed.setup.deadLetterTopic);
    bed.startConsumer('a');
  });

  afterAll(async () => {
    await deadLetters.stop();
    await bed.close();
  });

  it.each<KafkaCompression>(['gzip', 'snappy', 'lz4', 'zstd'])('applies every record of a %s batch', async (compression) => {
    const offsets = await produceWithJavaClient(testKafkaBrokers(), bed.setup.topic, compression, [entry(`${compression}-1`, 1), entry(`${compression}-2`, 2), entry(`${compression}-3`, 3)]);
    expect(offsets).toHaveLength(3);
    applied += 3;
    await eventually(`the ${compression} records applied`, async () => (await ledgerState(bed.setup.database)).effects === applied);
    expect(deadLetters.records).toHaveLength(0);
  });

  it('dead-letters a batch that would inflate past 64 MiB with the reason, and consumes the records after it', async () => {
    const [bomb] = await produceWithJavaClient(testKafkaBrokers(), bed.setup.topic, 'zstd', [{ key: 'bomb', value: { zeros: 66 * 2 ** 20 } }]);
    await produceWithJavaClient(testKafkaBrokers(), bed.setup.topic, 'zstd', [entry('after-the-bomb', 4)]);

    const [deadLetter] = await deadLetters.waitForCount(1);
    expect(deadLetter.headers).toMatchObject({
      [RecordHeader.DeadLetterErrorCode]: 'RECORD_UNREADABLE',
      [RecordHeader.DeadLetterSourceTopic]: bed.setup.topic,
      [RecordHeader.DeadLetterSourceOffset]: bomb.offset,
      [RecordHeader.DeadLetterConsumerGroup]: bed.setup.group,
    });
    expect(deadLetter.headers[RecordHeader.DeadLetterErrorMessage]).toBe('the record cannot be read: the zstd batch inflates past 67108864 bytes');
    expect(deadLetter.value!.length).toBeLessThan(2 ** 20); // the compressed batch, as it was sent
    await eventually('the record after the bomb applied', async () => (await ledgerState(bed.setup.database)).effects === applied + 1);
  });
});
