import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@hub/config';
import { freePort } from '@hub/local-infra';
import { GatewayEnvironment } from '../../apps/gateway/src/gateway-environment.js';
import { GatewayModule } from '../../apps/gateway/src/gateway.module.js';
import { TEST_ENVELOPE_KEYS, TEST_PSEUDONYM_KEYS } from '../support/gateway-test-bed.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testKafkaEnv } from '../support/test-kafka.js';

async function startGateway(overrides: Record<string, string>): Promise<{ app: INestApplication; url: string }> {
  const env = loadConfig(GatewayEnvironment, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    HTTP_PORT: '0',
    PSEUDONYM_KEYS: TEST_PSEUDONYM_KEYS,
    ENVELOPE_KEYS: TEST_ENVELOPE_KEYS,
    ...overrides,
  });
  const app = await NestFactory.create(GatewayModule.forRoot(env), { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

describe('gateway health', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('health');
  });

  afterAll(async () => {
    await database.drop();
  });

  describe('with Kafka and PostgreSQL up', () => {
    let gateway: { app: INestApplication; url: string };

    beforeAll(async () => {
      gateway = await startGateway({ ...testKafkaEnv(), DATABASE_URL: database.url });
    });

    afterAll(async () => {
      await gateway.app.close();
    });

    it('is ready, reporting both as up', async () => {
      const response = await fetch(`${gateway.url}/health/ready`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', details: { kafka: { status: 'up' }, postgres: { status: 'up' } } });
    });

    it("echoes the caller's correlation id", async () => {
      const response = await fetch(`${gateway.url}/health/live`, { headers: { 'x-correlation-id': 'req-42' } });
      expect(response.headers.get('x-correlation-id')).toBe('req-42');
    });
  });

  describe('with Kafka unreachable', () => {
    let gateway: { app: INestApplication; url: string };

    beforeAll(async () => {
      gateway = await startGateway({ KAFKA_BROKERS: `127.0.0.1:${await freePort()}`, DATABASE_URL: database.url });
    });

    afterAll(async () => {
      await gateway.app.close();
    });

    it('is not ready, and says Kafka is what is down', async () => {
      const response = await fetch(`${gateway.url}/health/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'error', details: { kafka: { status: 'down' }, postgres: { status: 'up' } } });
    });

    it('is still live', async () => {
      expect((await fetch(`${gateway.url}/health/live`)).status).toBe(200);
    });
  });
});
