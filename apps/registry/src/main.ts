import '@hub/runtime'; // first: a Node.js older than 24.15 stops here, with a clear message
import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { loadConfig, startProcess } from '@hub/config';
import { createRegistryApp } from './create-registry-app.js';
import { RegistryEnvironment } from './registry-environment.js';

async function bootstrap(): Promise<void> {
  const env = loadConfig(RegistryEnvironment);
  const app = await createRegistryApp(env);
  await app.listen(env.HTTP_PORT, env.HTTP_HOST);
  app.get(Logger).log(`registry listening on ${await app.getUrl()} (Confluent-compatible API; hub extensions under /hub/contracts)`);
}

startProcess('registry', bootstrap);
