import '@hub/runtime'; // first: a Node.js older than 24.15 stops here, with a clear message
import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { loadConfig, startProcess } from '@hub/config';
import { createGatewayApp } from './create-gateway-app.js';
import { GatewayEnvironment } from './gateway-environment.js';
import { startGatewayConsumers } from './kafka/start-gateway-consumers.js';

async function bootstrap(): Promise<void> {
  const env = loadConfig(GatewayEnvironment);
  const app = await createGatewayApp(env);
  await app.listen(env.HTTP_PORT, env.HTTP_HOST);
  const logger = app.get(Logger);
  logger.log(`gateway listening on ${await app.getUrl()} (API: /openapi.json, health: /health/ready)`);
  // Like readiness, the consumers wait for Kafka: the gateway serves (and reports not ready) meanwhile.
  const startConsumers = (delayMs: number): void => {
    startGatewayConsumers(app, env).catch((error: unknown) => {
      logger.warn(`cannot start the consumers yet (${String(error)}); retrying in ${delayMs} ms`);
      setTimeout(() => {
        startConsumers(Math.min(delayMs * 2, 30_000));
      }, delayMs).unref();
    });
  };
  startConsumers(1000);
}

startProcess('gateway', bootstrap);
