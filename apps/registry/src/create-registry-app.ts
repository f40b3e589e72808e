import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { RegistryEnvironment } from './registry-environment.js';
import { RegistryExceptionFilter } from './registry-exception.filter.js';
import { RegistryModule } from './registry.module.js';

/** The largest request body the registry reads; a contract is a few kilobytes. */
const BODY_LIMIT = '1mb';

/** Builds the registry app; main.ts listens, tests listen on a free port. */
export async function createRegistryApp(env: RegistryEnvironment, options: { logger?: false } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(RegistryModule.forRoot(env), { bufferLogs: options.logger !== false, bodyParser: false, ...options });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  // Confluent clients send application/vnd.schemaregistry.v1+json.
  app.useBodyParser('json', { type: ['application/json', 'application/*+json'], limit: BODY_LIMIT });
  app.use((error: { status?: number; type?: string; message: string }, _req: Request, res: Response, next: NextFunction) => {
    if (error.status === 413) return res.status(413).json({ error_code: 413, message: `Request body larger than ${BODY_LIMIT}.` });
    if (error.type === 'entity.parse.failed') return res.status(400).json({ error_code: 400, message: `Request body is not JSON: ${error.message}` });
    next(error);
  });
  app.useGlobalFilters(new RegistryExceptionFilter());
  app.enableShutdownHooks();
  return app;
}
