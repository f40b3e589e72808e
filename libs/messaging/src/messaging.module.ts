import { Inject, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HubEnvironment } from '@hub/config';
import { consumerHealth, ConsumerHealth } from './consumer-health.js';
import { HubProducer } from './hub-producer.js';
import { createKafkaClient } from './kafka-client.js';
import { kafkaSettingsFrom } from './kafka-settings.js';
import { KafkaTopicAdmin, type TopicSpec } from './kafka-topic-admin.js';

const TOPICS_TO_ENSURE = Symbol('TOPICS_TO_ENSURE');

/**
 * Gives an app the hub producer, the topic admin and the state of its consumers. The producer disconnects at application
 * shutdown, after the consumers have finished their batches (Nest closes transports first).
 */
@Module({})
export class MessagingModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MessagingModule.name);
  private ensuring?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly producer: HubProducer,
    private readonly admin: KafkaTopicAdmin,
    @Inject(TOPICS_TO_ENSURE) private readonly topics: readonly TopicSpec[],
  ) {}

  /** @param topics topics this app publishes to; created at start if missing. */
  static forRoot(topics: readonly TopicSpec[] = []): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: TOPICS_TO_ENSURE, useValue: topics },
        { provide: ConsumerHealth, useValue: consumerHealth },
        { provide: HubProducer, inject: [HubEnvironment], useFactory: (env: HubEnvironment) => new HubProducer(createKafkaClient(kafkaSettingsFrom(env))) },
        { provide: KafkaTopicAdmin, inject: [HubEnvironment], useFactory: (env: HubEnvironment) => new KafkaTopicAdmin(createKafkaClient(kafkaSettingsFrom(env))) },
      ],
      exports: [HubProducer, KafkaTopicAdmin, ConsumerHealth],
    };
  }

  /**
   * Creates this app's topics before the app serves (Nest awaits this hook). While Kafka is
   * unreachable it keeps retrying in the background and the app starts anyway, reporting not ready.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.topics.length === 0) return;
    const attempt = async (delayMs: number): Promise<void> => {
      try {
        await this.admin.ensureTopics(this.topics);
        this.logger.log(`topics ready: ${this.topics.map((t) => t.topic).join(', ')}`);
      } catch (error) {
        if (this.stopped) return;
        this.logger.warn(`cannot create topics yet (${String(error)}); retrying in ${delayMs} ms`);
        this.ensuring = setTimeout(() => void attempt(Math.min(delayMs * 2, 30_000)), delayMs);
      }
    };
    await attempt(1000);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.ensuring);
    await this.producer.disconnect();
    await this.admin.disconnect();
  }
}
