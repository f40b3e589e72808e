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
import { startGatewayTestBed, type GatewayTestBed } from '../support/gateway-test-bed.js';
import type { TestDatabase } from '../support/test-database.js';
import { uniqueName } from '../support/unique-name.js';
import { enrolmentBatch } from './enrolment-batch.js';
import { reportFaults, type FaultRow } from './fault-table.js';
import { publishUnderFaults } from './publishing-under-faults.js';

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
    const refusals: number[] = [];
    const retryAfters: (string | null)[] = [];
    const { publisher, faults } = await publishUnderFaults({
      urls: () => bed.urls,
      apiKey: bed.keys['education'],
      prefix,
      clients: 1,
      batches: BATCHES,
      batchSize: BATCH,
      strikes: OUTAGES,
      strike: async (n) => {
        await server.stop();
        const stoppedAt = Date.now();
        // While it is down, the gateway says so: 503 with Retry-After.
        const during = await fetch(`${bed.url}/v1/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${bed.keys['education']}`, 'content-type': 'application/json' },
          body: JSON.stringify(enrolmentBatch(`${prefix}-probe`, 9, n, 1)),
          signal: AbortSignal.timeout(30_000),
        });
        refusals.push(during.status);
        retryAfters.push(during.headers.get('retry-after'));
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt))));
        server = await LocalPostgres.start(options);
      },
      name: (n) => `PostgreSQL stopped ${OUTAGE_MS / 1000} s, restarted #${n} (one stream)`,
    });
    rows.push(...faults.map(({ row }) => row));
    expect(refusals).toEqual(Array.from({ length: OUTAGES }, () => 503));
    expect(retryAfters.every((value) => value !== null)).toBe(true);
    expect(publisher.failures).toEqual([]);
    expect(publisher.accepted.size).toBe(BATCHES * BATCH);
    expect(faults[0]?.lost).toEqual([]);
  });
});
