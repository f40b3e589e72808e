import { RecordHeader } from '@hub/messaging';
import { eventually } from '../support/eventually.js';
import { createLedgerTestBed, ledgerState, publishLedgerEntries, type LedgerEntry, type LedgerTestBed } from '../support/ledger-fixture.js';
import { TopicReader } from '../support/topic-reader.js';

describe('records that keep failing go to the dead-letter topic and the stream moves on', () => {
  let bed: LedgerTestBed;
  let deadLetters: TopicReader;

  beforeAll(async () => {
    bed = await createLedgerTestBed('deadletter', 1);
    deadLetters = await TopicReader.start(bed.setup.deadLetterTopic);
    bed.startConsumer('a');
  });

  afterAll(async () => {
    await deadLetters.stop();
    await bed.close();
  });

  it('dead-letters the failing record of a batch with its reason, source and attempts, and applies the others', async () => {
    const entries: LedgerEntry[] = Array.from({ length: 20 }, (_, i) => ({ account: `acct-${i}`, amount: 1, poison: i === 7 }));
    await publishLedgerEntries(bed.publisher.producer, bed.setup.topic, entries);
    const [deadLetter] = await deadLetters.waitForCount(1);
    await eventually('the 19 good records applied', async () => (await ledgerState(bed.setup.database)).effects === 19);

    expect(deadLetter.key).toBe('acct-7');
    expect(JSON.parse(deadLetter.value!.toString())).toEqual(entries[7]);
    expect(deadLetter.headers).toMatchObject({
      [RecordHeader.DeadLetterErrorCode]: 'RECORD_REJECTED',
      [RecordHeader.DeadLetterSourceTopic]: bed.setup.topic,
      [RecordHeader.DeadLetterSourcePartition]: '0',
      [RecordHeader.DeadLetterSourceOffset]: '7',
      [RecordHeader.DeadLetterAttempts]: '3',
      [RecordHeader.DeadLetterConsumerGroup]: bed.setup.group,
    });
    expect(deadLetter.headers[RecordHeader.DeadLetterErrorMessage]).toContain('poison entry for account acct-7');
  });

  it('retries a record that fails for a while and applies it without dead-lettering it', async () => {
    const before = deadLetters.records.length;
    await publishLedgerEntries(bed.publisher.producer, bed.setup.topic, [{ account: 'flaky', amount: 5, failTimes: 2 }]);
    await eventually('the flaky record applied', async () => (await ledgerState(bed.setup.database)).effects === 20);
    await publishLedgerEntries(bed.publisher.producer, `${bed.setup.topic}.single`, [{ account: 'sentinel', amount: 1 }]);
    await eventually('a later record applied', async () => (await ledgerState(bed.setup.database)).effects === 21);
    expect(deadLetters.records).toHaveLength(before);
  });

  it('dead-letters a failing record of a one-record-per-call handler and applies the next', async () => {
    await publishLedgerEntries(bed.publisher.producer, `${bed.setup.topic}.single`, [
      { account: 'bad', amount: 1, poison: true },
      { account: 'good', amount: 1 },
    ]);
    await eventually('the good record applied', async () => (await ledgerState(bed.setup.database)).effects === 22);
    const records = await deadLetters.waitForCount(2);
    expect(records.at(-1)!.key).toBe('bad');
    expect(records.at(-1)!.headers[RecordHeader.DeadLetterSourceTopic]).toBe(`${bed.setup.topic}.single`);
  });
});
