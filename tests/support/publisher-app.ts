import { Body, Controller, Module, Param, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HubConfigModule, HubEnvironment, loadConfig } from '@hub/config';
import { LoggingModule } from '@hub/logging';
import { HubProducer, MessagingModule } from '@hub/messaging';
import { testKafkaEnv } from './test-kafka.js';

export interface PublisherApp {
  producer: HubProducer;
  /** Base URL of its HTTP endpoint `POST /publish/:topic` (body: an array of { key, value }). */
  url: string;
  close(): Promise<void>;
}

/** Publishes what it is sent over HTTP, as the gateway will: the request's correlation id goes along. */
@Controller('publish')
class PublishController {
  constructor(private readonly producer: HubProducer) {}

  @Post(':topic')
  async publish(@Param('topic') topic: string, @Body() records: { key: string; value: unknown }[]): Promise<{ published: number }> {
    await this.producer.send(records.map((record) => ({ topic, key: record.key, value: JSON.stringify(record.value) })));
    return { published: records.length };
  }
}

/** A Nest app that publishes through the hub's messaging module, from code or over HTTP. */
export async function startPublisherApp(): Promise<PublisherApp> {
  const env = loadConfig(HubEnvironment, {
    NODE_ENV: 'test',
    SERVICE_NAME: 'test-publisher',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    ...testKafkaEnv(),
  });
  @Module({
    imports: [HubConfigModule.forRoot(HubEnvironment, env), LoggingModule.forRoot({ name: env.SERVICE_NAME, version: 'test' }), MessagingModule.forRoot()],
    controllers: [PublishController],
  })
  class PublisherModule {}
  const app: INestApplication = await NestFactory.create(PublisherModule, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  return { producer: app.get(HubProducer), url: await app.getUrl(), close: () => app.close() };
}
