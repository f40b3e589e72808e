/**
 * The fault suite (issue 25): the gateway's PostgreSQL stopped and started again while a client
 * publishes, twice. During the outage the client is answered 503 with Retry-After, never a 500 or a hang;
 * once the database is back the gateway takes records again by itself, and every record it
 * accepted is on the canonical topic.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, LocalPostgres } from '@hub/local-infra';
import { eventually } from '../support/eventually.js';
import { startGatewayTestBed, type GatewayTestBed } from '../support/gateway-test-bed.js';
import type { TestDatabase } from '../support/test-database.js';
import { uniqueName } from '../support/unique-name.js';
import { copiesOnTopic } from './copies-on-topic.js';
import { ENROLMENT, enrolmentBatch } from './enrolment-batch.js';
import { publishingFault, reportFaults, type FaultRow } from './fault-table.js';
import { RetryingPublisher } from './retrying-publisher.js';

const BATCHES = Number(process.env['FAULT_POSTGRES_BATCHES'] ?? 60);
const BATCH = 50;
/** How long the database stays down. */
const OUTAGE_MS = 5_000;
/** How many times the database is stopped (issue 25: each fault repeated). */
const OUTAGES = 2;

describe("the gateway's PostgreSQL restarted mid-stream (fault suite)", () => {
  const prefix = uniqueName('pg-fault');
  const folder = mkdtempSync(join(tmpdir(), 'hub-pg-fault-'));
  const rows: FaultRow[] = [];
  let options: Parameters<typeof LocalPostgres.start>[0];
  let server: LocalPostgres;
  let pool: pg.Pool;
  let bed: GatewayTestBed;

  beforeAll(async () => {
    options = { dataDir: join(folder, 'postgres'), ownedFrom: folder, port: await freePort(), database: 'hub_fault_test', log: () => undefined };
    server = await LocalPostgres.start(options);
    pool = new pg.Pool({ connectionString: server.databaseUrl, max: 2 });
    // The restart ends the pool's idle connections: expected here, not a failure of the test.
    pool.on('error', () => undefined);
    const database: TestDatabase = {
      url: server.databaseUrl,
      name: 'hub_fault_test',
      query: async (sql, params) => (await pool.query(sql, params)).rows,
      copy: () => Promise.reject(new Error('the fault suite copies no database')),
      drop: () => Promise.resolve(),
    };
    bed = await startGatewayTestBed('postgres-restarted', { members: [{ id: 'education', role: 'department', recordsPerSecond: 100_000 }], database });
  });

  afterAll(async () => {
    reportFaults(rows);
    await bed?.stop();
    await pool?.end();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers 503 while the database is down, takes records again once it is back, and loses no accepted record, each of two times', async () => {
    const started = Date.now();
    const publisher = new RetryingPublisher(() => bed.urls, bed.keys['education']);
    const refusals: number[] = [];
    const retryAfters: (string | null)[] = [];
    const client = (async () => {
      for (let n = 0; n < BATCHES; n++) await publisher.send(enrolmentBatch(prefix, 0, n, BATCH), 0);
    })();
    const measured: { recoverySeconds: number; inFlight: number }[] = [];
    for (let outage = 1; outage <= OUTAGES; outage++) {
      await eventually(`the client is under way (outage ${outage})`, async () => publisher.answered >= (BATCHES / (OUTAGES + 2)) * outage, 120_000);
      const inFlight = publisher.inFlight;
      await server.stop();
      const stoppedAt = Date.now();
      // While it is down, the gateway says so: 503 with Retry-After.
      const during = await fetch(`${bed.url}/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bed.keys['education']}`, 'content-type': 'application/json' },
        body: JSON.stringify(enrolmentBatch(`${prefix}-probe`, 9, outage, 1)),
        signal: AbortSignal.timeout(30_000),
      });
      refusals.push(during.status);
      retryAfters.push(during.headers.get('retry-after'));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt))));
      const answeredBefore = publisher.answered;
      server = await LocalPostgres.start(options);
      const back = Date.now();
      await eventually('the gateway takes records again', async () => publisher.answered > answeredBefore, 120_000);
      measured.push({ recoverySeconds: (Date.now() - back) / 1000, inFlight });
    }
    await client;

    const copies = await copiesOnTopic(ENROLMENT, prefix, started);
    // Both outages struck one stream: each row's lost and duplicated are that stream's.
    const faults = measured.map((figures, index) => publishingFault(`PostgreSQL stopped ${OUTAGE_MS / 1000} s, restarted #${index + 1} (one stream)`, figures, publisher.accepted, copies));
    rows.push(...faults.map(({ row }) => row));
    expect(refusals).toEqual(Array.from({ length: OUTAGES }, () => 503));
    expect(retryAfters.every((value) => value !== null)).toBe(true);
    expect(publisher.failures).toEqual([]);
    expect(publisher.accepted.size).toBe(BATCHES * BATCH);
    expect(faults[0]?.lost).toEqual([]);
  });
});
