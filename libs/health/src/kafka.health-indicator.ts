import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { HubProducer, KafkaTopicAdmin } from '@hub/messaging';

/**
 * Kafka is up for this app when a broker answers a metadata request and the app's idempotent
 * producer has its producer id (on a broker that has just started, the transaction coordinator
 * may still be loading: the app could not publish yet).
 */
@Injectable()
export class KafkaHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly admin: KafkaTopicAdmin,
    private readonly producer: HubProducer,
  ) {}

  isAnswering(key: string) {
    return this.indicators
      .check(key)
      .attempt(async () => {
        const cluster = await this.admin.ping();
        await this.producer.connect();
        return cluster;
      })
      .withTimeout(3000);
  }
}
