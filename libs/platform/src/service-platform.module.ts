import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import { HubConfigModule, serviceVersion, type HubEnvironment } from '@hub/config';
import { HealthModule } from '@hub/health';
import { LoggingModule } from '@hub/logging';
import { MetricsModule } from '@hub/metrics';
import { MessagingModule, type TopicSpec } from '@hub/messaging';
import { PersistenceModule } from '@hub/persistence';
import { hardenResponseHeaders } from './response-headers.middleware.js';

export interface ServicePlatformOptions {
  /** The topics the service creates at start if missing (its own, not those of the contracts). */
  topics: readonly TopicSpec[];
}

/**
 * What every hub service stands on, in one import: its validated settings, logging, PostgreSQL
 * (migrated at start), Kafka (producer, topics, consumers' health), the health endpoints, whose
 * readiness names a consumer group that does not run, /metrics for Prometheus, and the response
 * headers every answer carries.
 */
@Module({})
export class ServicePlatformModule implements NestModule {
  static forRoot<T extends HubEnvironment>(settingsClass: ClassConstructor<T>, env: T, options: ServicePlatformOptions): DynamicModule {
    return {
      module: ServicePlatformModule,
      imports: [
        HubConfigModule.forRoot(settingsClass, env),
        LoggingModule.forRoot({ name: env.SERVICE_NAME, version: serviceVersion() }),
        PersistenceModule.forRoot(),
        MessagingModule.forRoot(options.topics),
        HealthModule,
        MetricsModule,
      ],
      exports: [HubConfigModule, LoggingModule, PersistenceModule, MessagingModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(hardenResponseHeaders).forRoutes('*');
  }
}
