import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AccessLog } from '@hub/members';
import { GatewayEnvironment } from './gateway-environment.js';
import { GatewayExceptionFilter } from './http/gateway-exception.filter.js';
import { GatewayModule } from './gateway.module.js';
import { serveGatewayOpenApi } from './http/openapi/gateway-openapi.js';

/**
 * Builds the gateway's HTTP app; main.ts listens and starts its consumers, tests listen on a free
 * port. Bodies are read by the controllers after authentication, so each member's size limit applies.
 */
export async function createGatewayApp(env: GatewayEnvironment, options: { logger?: false } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(env), { bufferLogs: options.logger !== false, bodyParser: false, ...options });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  app.useGlobalFilters(new GatewayExceptionFilter(app.get(AccessLog)));
  app.enableShutdownHooks();
  serveGatewayOpenApi(app);
  // Node closes idle connections after 5 s; a client reusing one just then loses a large upload
  // (EPIPE). Keep them longer than the usual 60 s of clients and load balancers.
  const server = app.getHttpServer();
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return app;
}
