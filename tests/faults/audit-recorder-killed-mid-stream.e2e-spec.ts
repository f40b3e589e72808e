/**
 * The fault suite (issue 25): the audit recorder SIGKILLed while it records a backlog, twice, and
 * started again each time. Every record is then in the store exactly once, and `hub audit verify`
 * finds every chain intact and as the published checkpoints say.
 */
import { toKafkaBinary } from '@hub/contracts';
import { createKafkaClient, HubProducer, type OutboundRecord } from '@hub/messaging';
import type { AppProcess } from '../support/app-process.js';
import { auditKeyFiles, startAudit } from '../support/audit-process.js';
import { contractExample } from '../support/contract-examples.js';
import { eventually } from '../support/eventually.js';
import { runCli } from '../support/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createTestTopics, testKafkaBrokers, testKafkaEnv, testKafkaSettings } from '../support/test-kafka.js';
import { uniqueName } from '../support/unique-name.js';
import { reportFaults, type FaultRow } from './fault-table.js';

const STATUS = 'civil-affairs.household-status.changed.v1';
/** Records in the backlog (FAULT_AUDIT_RECORDS): enough that the recorder is still at work at each kill. */
const RECORDS = Number(process.env['FAULT_AUDIT_RECORDS'] ?? 30_000);
const KILLS = 2;

describe('the audit recorder killed mid-stream and started again, twice (fault suite)', () => {
  const prefix = uniqueName('audit-fault');
  const topic = `${prefix}.${STATUS}`;
  const checkpointTopic = `${prefix}-checkpoints`;
  const name = uniqueName('audit').replace(/_/g, '-');
  const keys = auditKeyFiles();
  const rows: FaultRow[] = [];
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('audit_fault');
    await createTestTopics([{ topic, numPartitions: 3 }]);
    const producer = new HubProducer(createKafkaClient(testKafkaSettings('audit-fault-department')));
    const data = contractExample(STATUS);
    for (let from = 0; from < RECORDS; from += 5_000) {
      const batch: OutboundRecord[] = Array.from({ length: Math.min(5_000, RECORDS - from) }, (_, i) => {
        const n = from + i;
        return { topic, ...toKafkaBinary({ specversion: '1.0', id: `${prefix}-${n}`, source: 'civil-affairs', type: STATUS, time: new Date().toISOString(), data }, `household-${n % 97}`) };
      });
      await producer.send(batch);
    }
    await producer.disconnect();
  });

  afterAll(async () => {
    reportFaults(rows);
    await database?.drop();
  });

  const recorded = async () => {
    const [row] = await database.query<{ entries: number; distinct: number }>('SELECT count(*)::int AS entries, count(DISTINCT event_id)::int AS distinct FROM audit_entry WHERE topic = $1', [topic]);
    return row;
  };
  const start = () => startAudit(database.url, { topics: `^${prefix}\\.`, signingKeyFile: keys.signingKeyFile, checkpointTopic, name });

  it('records every record exactly once, its chains intact, however often it is killed', async () => {
    let audit: AppProcess = await start();
    try {
      for (let kill = 1; kill <= KILLS; kill++) {
        const before = (await recorded()).entries;
        await eventually(`the recorder is at work before kill ${kill}`, async () => (await recorded()).entries > before, 120_000);
        await audit.stop('SIGKILL');
        const killedAt = Date.now();
        const atKill = (await recorded()).entries;
        audit = await start();
        await eventually(`the recorder records again after kill ${kill}`, async () => (await recorded()).entries > atKill, 120_000);
        rows.push({ fault: `audit recorder SIGKILL #${kill}`, recoverySeconds: (Date.now() - killedAt) / 1000, inFlight: RECORDS - atKill, lost: 0, duplicated: 0 });
      }
      await eventually('the backlog is recorded', async () => (await recorded()).distinct === RECORDS, 240_000);
      const { entries, distinct } = await recorded();
      for (const row of rows) Object.assign(row, { lost: RECORDS - distinct, duplicated: entries - distinct });
      expect({ entries, distinct }).toEqual({ entries: RECORDS, distinct: RECORDS });
      await eventually('the last entries are sealed by a checkpoint', async () => {
        const [row] = await database.query<{ unsealed: number }>(
          `SELECT count(*)::int AS unsealed FROM (SELECT partition, max(position) AS last FROM audit_entry WHERE topic = $1 GROUP BY partition) e
            WHERE NOT EXISTS (SELECT 1 FROM audit_checkpoint c WHERE c.topic = $1 AND c.partition = e.partition AND c.entries = e.last)`,
          [topic],
        );
        return row.unsealed === 0;
      });
      const run = await runCli(
        ['audit', 'verify', '--database', database.url, '--public-key', keys.publicKeyFile, '--brokers', testKafkaBrokers().join(','), '--checkpoint-topic', checkpointTopic, '--audit-group', name],
        testKafkaEnv(),
      );
      expect([run.code, run.stdout]).toEqual([0, expect.stringMatching(new RegExp(`^intact: 3 chains, ${RECORDS.toLocaleString('en')} entries`, 'm'))]);
    } finally {
      await audit.stop();
    }
  });
});
