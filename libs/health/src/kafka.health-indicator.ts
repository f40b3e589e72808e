import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { KafkaTopicAdmin } from '@hub/messaging';

/** Kafka is up when a broker answers a metadata request. */
@Injectable()
export class KafkaHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly admin: KafkaTopicAdmin,
  ) {}

  isAnswering(key: string) {
    return this.indicators
      .check(key)
      .attempt(async () => this.admin.ping())
      .withTimeout(3000);
  }
}
