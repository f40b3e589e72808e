import '@hub/runtime'; // first: a Node.js older than 24.15 stops here, with a clear message
import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { loadConfig, startProcess } from '@hub/config';
import { ConsoleEnvironment } from './console-environment.js';
import { createConsoleApp } from './create-console-app.js';

async function bootstrap(): Promise<void> {
  const env = loadConfig(ConsoleEnvironment);
  const app = await createConsoleApp(env);
  await app.listen(env.HTTP_PORT, env.HTTP_HOST);
  app.get(Logger).log(`console listening on ${await app.getUrl()} (sign-in API: /api/session)`);
}

startProcess('console', bootstrap);
