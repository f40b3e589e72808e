import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { ConsumersHealthIndicator } from './consumers.health-indicator.js';
import { KafkaHealthIndicator } from './kafka.health-indicator.js';

/** `/health/live` and `/health/ready`; needs the app's PersistenceModule and MessagingModule. */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [KafkaHealthIndicator, ConsumersHealthIndicator],
})
export class HealthModule {}
