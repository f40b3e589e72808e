import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HubKafkaServer, type HubKafkaServerOptions } from './hub-kafka-server.js';

/**
 * A service that consumes Kafka through the hub transport and serves HTTP beside it (its health:
 * readiness names a consumer that is not running), so that an orchestrator can see it. Its Kafka
 * controllers carry RethrowHandlerErrorsFilter, so handler errors reach the transport unchanged.
 * The caller adds its logger, then `init()`s the app (topics, pending work), listens, and starts
 * the transport (`startAllMicroservices`).
 *
 * On SIGTERM or SIGINT the transport closes first (the batch in hand finishes and is committed),
 * then the app: Nest's own shutdown hooks would run the modules' beforeApplicationShutdown (the
 * audit's last seal) before it closes a hybrid app's transports.
 */
export async function createConsumerApp(module: Parameters<typeof NestFactory.create>[0], options: HubKafkaServerOptions): Promise<INestApplication> {
  const app = await NestFactory.create(module, { bufferLogs: true });
  const server = new HubKafkaServer(options);
  app.connectMicroservice({ strategy: server });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      server
        .close()
        .then(() => app.close())
        .then(
          () => process.exit(0),
          (error: unknown) => {
            new Logger('ConsumerApp').error({ err: error }, `could not close in order on ${signal}`);
            process.exit(1);
          },
        );
    });
  }
  return app;
}
