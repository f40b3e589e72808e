import { createKafkaClient, HubProducer } from '@hub/messaging';
import type { AppProcess } from '../support/app-process.js';
import { auditKeyFiles, openedEntries, startAudit } from '../support/audit-process.js';
import { eventually } from '../support/eventually.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createTestTopics, testKafkaSettings } from '../support/test-kafka.js';
import { TopicReader } from '../support/topic-reader.js';
import { uniqueName } from '../support/unique-name.js';

describe('the audit records every record as received, whatever it holds', () => {
  const prefix = uniqueName('audited-unusual');
  const topic = `${prefix}.inbound`;
  const keys = auditKeyFiles();
  let database: TestDatabase;
  let audit: AppProcess;
  let producer: HubProducer;
  let auditDeadLetters: TopicReader;

  beforeAll(async () => {
    database = await createTestDatabase('audit-unusual');
    await createTestTopics([{ topic, numPartitions: 1 }]);
    producer = new HubProducer(createKafkaClient(testKafkaSettings('test-department')));
    // The audit creates its dead-letter topic when it starts.
    audit = await startAudit(database.url, { topics: `^${prefix}\\.`, signingKeyFile: keys.signingKeyFile });
    auditDeadLetters = await TopicReader.start('hub.audit.deadletter');
  });

  afterAll(async () => {
    await audit?.stop();
    await producer?.disconnect();
    await auditDeadLetters?.stop();
    await database?.drop();
  });

  it("chains a record with a 300-character ce_id, one with NUL in ce_source, and one nested too deep for PostgreSQL's JSON", async () => {
    const deep = `{"items":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    await producer.send([
      { topic, key: 'long-id', value: '{}', headers: { ce_id: 'x'.repeat(300), ce_source: 'dept' } },
      { topic, key: 'nul', value: '{}', headers: { ce_id: 'a', ce_source: 'de\u0000pt' } },
      { topic, key: 'deep', value: deep, headers: { ce_id: 'b' } },
      { topic, key: 'after', value: '{"findingId":"f-1"}', headers: { ce_id: 'c' } },
    ]);

    const stored = async () =>
      database.query<{ event_id: string | null; event_source: string | null; finding_references: string[] | null }>(
        'SELECT event_id, event_source, finding_references FROM audit_entry WHERE topic = $1 ORDER BY "offset"',
        [topic],
      );
    await eventually('the four records chained', async () => (await stored()).length === 4);
    const rows = await stored();
    const opened = await openedEntries(database.url, topic);
    expect(opened.map((r) => r.key!.toString())).toEqual(['long-id', 'nul', 'deep', 'after']);
    expect(rows[0].event_id).toBe(`${'x'.repeat(199)}…`);
    expect(rows[1].event_source).toBe('de\u2400pt');
    expect(opened[2].value!.toString()).toBe(deep);
    expect(rows.map((r) => r.finding_references)).toEqual([null, null, null, ['f-1']]);
    expect(auditDeadLetters.records.filter((r) => r.headers['hub_dlq_source_topic'] === topic)).toEqual([]);
  });
});
