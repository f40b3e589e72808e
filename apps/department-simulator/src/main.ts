import '@hub/runtime'; // first: a Node.js older than 24.15 stops here, with a clear message
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig, startProcess } from '@hub/config';
import { SimulatorEnvironment } from './simulator-environment.js';
import { SimulatorModule } from './simulator.module.js';

async function bootstrap(): Promise<void> {
  const env = loadConfig(SimulatorEnvironment);
  const app = await NestFactory.createApplicationContext(SimulatorModule.forRoot(env), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  app.get(Logger).log(`${env.DEPARTMENT} simulator following its findings at ${env.GATEWAY_URL}`);
}

startProcess('department simulator', bootstrap);
