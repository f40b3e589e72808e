import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ConsumersHealthIndicator } from './consumers.health-indicator.js';
import { KafkaHealthIndicator } from './kafka.health-indicator.js';

/** Liveness says the process runs; readiness says it can do its work (Kafka and PostgreSQL answer, every consumer consumes). */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    private readonly consumers: ConsumersHealthIndicator,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.database.pingCheck('postgres').withTimeout(3000), () => this.kafka.isAnswering('kafka'), () => this.consumers.areRunning('consumers')]);
  }
}
