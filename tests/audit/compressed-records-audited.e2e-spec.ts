import type { AppProcess } from '../support/app-process.js';
import { auditKeyFiles, startAudit } from '../support/audit-process.js';
import { eventually } from '../support/eventually.js';
import { produceWithJavaClient, type KafkaCompression } from '../support/java-producer.js';
import { runCli } from '../support/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createTestTopics, testKafkaBrokers, testKafkaEnv } from '../support/test-kafka.js';
import { uniqueName } from '../support/unique-name.js';

const CODECS: KafkaCompression[] = ['gzip', 'snappy', 'lz4', 'zstd'];

describe("the audit trail keeps recording records a department's client compressed with any codec", () => {
  const prefix = uniqueName('audited-compressed');
  const checkpointTopic = `${prefix}-audit-checkpoints`;
  const keys = auditKeyFiles();
  let database: TestDatabase;
  let audit: AppProcess;

  beforeAll(async () => {
    database = await createTestDatabase('audit-compressed');
    await createTestTopics(CODECS.map((codec) => ({ topic: `${prefix}.${codec}`, numPartitions: 1 })));
    audit = await startAudit(database.url, { topics: `^${prefix}\\.`, signingKeyFile: keys.signingKeyFile, checkpointTopic });
  });

  afterAll(async () => {
    await audit?.stop();
    await database?.drop();
  });

  it("chains every record of each codec's topic, and verify finds the chains intact", async () => {
    for (const codec of CODECS) {
      await produceWithJavaClient(
        testKafkaBrokers(),
        `${prefix}.${codec}`,
        codec,
        Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: JSON.stringify({ codec, i }) })),
      );
    }
    const recorded = async () => database.query<{ topic: string; n: string }>('SELECT topic, count(*) AS n FROM audit_entry GROUP BY topic ORDER BY topic');
    await eventually('every compressed record recorded', async () => (await recorded()).reduce((sum, row) => sum + Number(row.n), 0) === 20);
    expect((await recorded()).map((row) => [row.topic, Number(row.n)])).toEqual(CODECS.map((codec) => [`${prefix}.${codec}`, 5]).sort());
    await eventually('the chains sealed', async () => Number((await database.query<{ n: string }>('SELECT count(DISTINCT topic) AS n FROM audit_checkpoint'))[0].n) === CODECS.length);

    const run = await runCli(
      ['audit', 'verify', '--database', database.url, '--public-key', keys.publicKeyFile, '--brokers', testKafkaBrokers().join(','), '--checkpoint-topic', checkpointTopic],
      testKafkaEnv(),
    );
    expect(run.stdout).toMatch(/^intact: 4 chains, 20 entries/m);
  });
});
