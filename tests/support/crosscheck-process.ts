import { freePort } from '@hub/local-infra';
import { AppProcess } from './app-process.js';
import { eventually } from './eventually.js';
import { testKafkaEnv } from './test-kafka.js';
import { uniqueName } from './unique-name.js';

/** The day the scenarios are judged as of, whenever the tests run. */
export const EVALUATION_DATE = '2026-11-30';

/**
 * A crosscheck process on a database, publishing findings to a topic, in a consumer group of its
 * own (it reads every canonical topic from the beginning), once it has joined the group.
 */
export async function startCrosscheck(
  databaseUrl: string,
  findingsTopic: string,
  options: { settleMs: number; name?: string; brokers?: string[]; env?: Record<string, string>; waitUntilConsuming?: boolean },
): Promise<AppProcess> {
  const port = await freePort();
  const crosscheck = AppProcess.start(
    'apps/crosscheck/src/main.js',
    {
      HTTP_PORT: String(port),
      SERVICE_NAME: options.name ?? uniqueName('crosscheck').replace(/_/g, '-'),
      ...testKafkaEnv(options.brokers),
      DATABASE_URL: databaseUrl,
      FINDINGS_TOPIC: findingsTopic,
      FINDING_SETTLE_MS: String(options.settleMs),
      EVALUATION_DATE,
      ...options.env,
    },
    { url: `http://127.0.0.1:${port}` },
  );
  if (options.waitUntilConsuming === false) return crosscheck;
  await eventually('the crosscheck consumes', async () => {
    if (crosscheck.exited) throw new Error(crosscheck.lines.join('\n'));
    return crosscheck.lines.some((line) => line.includes('joined consumer group'));
  });
  return crosscheck;
}
