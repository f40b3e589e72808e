import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '@hub/config';
import { GatewayEnvironment } from './gateway-environment.js';
import { GatewayModule } from './gateway.module.js';

async function bootstrap(): Promise<void> {
  const env = loadConfig(GatewayEnvironment);
  const app = await NestFactory.create(GatewayModule.forRoot(env), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.listen(env.HTTP_PORT, env.HTTP_HOST);
  app.get(Logger).log(`gateway listening on ${await app.getUrl()} (health: /health/ready)`);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `gateway failed to start: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
