import type { AppProcess } from '../support/app-process.js';
import { startCrosscheck } from '../support/crosscheck-process.js';
import { eventually } from '../support/eventually.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { uniqueName } from '../support/unique-name.js';

interface Readiness {
  status: number;
  consumers?: Record<string, { state: string; reason?: string; restartAt?: string }>;
}

async function readiness(app: AppProcess): Promise<Readiness> {
  const response = await fetch(`${app.url}/health/ready`).catch(() => undefined);
  if (!response) return { status: 0 };
  const body = (await response.json()) as { details?: { consumers?: Readiness['consumers'] } };
  return { status: response.status, consumers: body.details?.consumers };
}

describe('a consumer service reports in its readiness whether its consumers run', () => {
  let database: TestDatabase;
  const started: AppProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('consumer-readiness');
  });

  afterAll(async () => {
    await Promise.all(started.map((app) => app.stop()));
    await database.drop();
  });

  it('is ready once its consumer group has joined, naming the group as running', async () => {
    const name = uniqueName('crosscheck').replace(/_/g, '-');
    const crosscheck = await startCrosscheck(database.url, uniqueName('findings'), { settleMs: 0, name });
    started.push(crosscheck);

    await eventually('the crosscheck to be ready', async () => (await readiness(crosscheck)).status === 200);
    expect((await readiness(crosscheck)).consumers?.[name]).toMatchObject({ state: 'running' });
  });

  it('answers 503 naming a consumer kafkajs gave up on, and starts it again after waits that grow', async () => {
    const name = uniqueName('crosscheck').replace(/_/g, '-');
    // Below the broker's group.min.session.timeout.ms (6 s): every join is refused, an error kafkajs does not retry.
    const crosscheck = await startCrosscheck(database.url, uniqueName('findings'), { settleMs: 0, name, env: { CONSUMER_SESSION_TIMEOUT_MS: '3000' }, waitUntilConsuming: false });
    started.push(crosscheck);

    await eventually('a second restart to be scheduled', async () => crosscheck.lines.some((line) => line.includes('starting it again in 2000 ms')));
    expect(crosscheck.lines.some((line) => line.includes('starting it again in 1000 ms'))).toBe(true);
    const answer = await readiness(crosscheck);
    expect(answer.status).toBe(503);
    expect(answer.consumers?.[name]).toMatchObject({ state: 'crashed', reason: expect.stringMatching(/session timeout/i), restartAt: expect.any(String) });
    expect(crosscheck.exited).toBe(false);
  });
});
