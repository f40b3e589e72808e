import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ConsumerHealth } from '@hub/messaging';

/**
 * The app's Kafka consumers are up when every consumer group it runs is consuming; one that is
 * starting or has crashed (and waits to be started again) is named with its state and reason.
 */
@Injectable()
export class ConsumersHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly consumers: ConsumerHealth,
  ) {}

  areRunning(key: string) {
    const indicator = this.indicators.check(key);
    const all = Object.fromEntries(this.consumers.all().map(({ groupId, ...status }) => [groupId, status]));
    return this.consumers.notRunning().length === 0 ? indicator.up(all) : indicator.down(all);
  }
}
