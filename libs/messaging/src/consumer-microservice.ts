import type { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HubKafkaServer, type HubKafkaServerOptions } from './hub-kafka-server.js';
import { RethrowHandlerErrorsFilter } from './rethrow-handler-errors.filter.js';

/**
 * A Nest microservice consuming Kafka through the hub transport, wired the one right way: handler
 * errors reach the transport unchanged, and SIGTERM closes it in order (batch, commit, database).
 * The caller adds its logger and calls listen().
 */
export async function createConsumerMicroservice(module: Parameters<typeof NestFactory.createMicroservice>[0], options: HubKafkaServerOptions): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice(module, { strategy: new HubKafkaServer(options), bufferLogs: true });
  app.useGlobalFilters(new RethrowHandlerErrorsFilter());
  app.enableShutdownHooks();
  return app;
}
