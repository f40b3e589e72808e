import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HubConfigModule, HubEnvironment, loadConfig } from '@hub/config';
import { HubProducer, MessagingModule } from '@hub/messaging';
import { testKafkaBrokers } from './test-kafka.js';

export interface PublisherApp {
  producer: HubProducer;
  close(): Promise<void>;
}

/** A Nest app that publishes through the hub's messaging module, as the gateway will. */
export async function startPublisherApp(): Promise<PublisherApp> {
  const env = loadConfig(HubEnvironment, { NODE_ENV: 'test', SERVICE_NAME: 'test-publisher', KAFKA_BROKERS: testKafkaBrokers().join(',') });
  @Module({ imports: [HubConfigModule.forRoot(HubEnvironment, env), MessagingModule.forRoot()] })
  class PublisherModule {}
  const app: INestApplicationContext = await NestFactory.createApplicationContext(PublisherModule, { logger: ['error'] });
  return { producer: app.get(HubProducer), close: () => app.close() };
}
