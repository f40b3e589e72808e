import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConsoleEnvironment } from './console-environment.js';
import { ConsoleModule } from './console.module.js';
import { ConsoleExceptionFilter } from './http/console-exception.filter.js';
import { serveConsoleOpenApi } from './http/openapi/console-openapi.js';
import { serveWebApplication } from './http/serve-web-application.js';

/** Where npm run build puts the web application: dist/console-web, beside dist/apps/console/src where this file runs from. */
const BUILT_WEB_APPLICATION = fileURLToPath(new URL('../../../console-web', import.meta.url));

/** Builds the console's server and its web application; main.ts listens, tests listen on a free port. Bodies are small JSON (a sign-in, a code, a candidate contract). */
export async function createConsoleApp(env: ConsoleEnvironment, options: { logger?: false } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ConsoleModule.forRoot(env), { bufferLogs: options.logger !== false, bodyParser: false, ...options });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: '300kb' });
  app.useGlobalFilters(new ConsoleExceptionFilter());
  serveConsoleOpenApi(app);
  const webFolder = env.CONSOLE_WEB_DIR ?? BUILT_WEB_APPLICATION;
  if (!serveWebApplication(app, webFolder)) app.get(Logger, { strict: false }).warn(`the web application is not built (no ${webFolder}/index.html): npm run build builds it; the API serves meanwhile`);
  app.enableShutdownHooks();
  return app;
}
