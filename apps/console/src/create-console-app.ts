import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConsoleEnvironment } from './console-environment.js';
import { ConsoleModule } from './console.module.js';
import { ConsoleExceptionFilter } from './http/console-exception.filter.js';

/** Builds the console's server; main.ts listens, tests listen on a free port. Bodies are small JSON (a sign-in, a code). */
export async function createConsoleApp(env: ConsoleEnvironment, options: { logger?: false } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ConsoleModule.forRoot(env), { bufferLogs: options.logger !== false, bodyParser: false, ...options });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: '16kb' });
  app.useGlobalFilters(new ConsoleExceptionFilter());
  app.enableShutdownHooks();
  return app;
}
