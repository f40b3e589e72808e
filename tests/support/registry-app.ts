import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@hub/config';
import { findProjectRoot } from '@hub/local-infra';
import { createRegistryApp } from '../../apps/registry/src/create-registry-app.js';
import { RegistryEnvironment } from '../../apps/registry/src/registry-environment.js';
import type { TestDatabase } from './test-database.js';
import { testKafkaBrokers } from './test-kafka.js';

/** The registry in the test process on a free port, with the standard contracts, on a database of the suite's. */
export async function startRegistry(database: TestDatabase): Promise<{ app: NestExpressApplication; url: string }> {
  const env = loadConfig(RegistryEnvironment, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    DATABASE_URL: database.url,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    CONTRACTS_DIR: join(findProjectRoot(), 'contracts'),
  });
  const app = await createRegistryApp(env, { logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}
