import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { collectDefaultMetrics } from 'prom-client';
import { observeHttpRequest } from './http-metrics.middleware.js';
import { MetricsController } from './metrics.controller.js';

let defaultsCollected = false;

/** /metrics and the HTTP series; with the process's own (CPU, memory, event loop, GC) as hub_process_* and hub_nodejs_*. */
@Module({ controllers: [MetricsController] })
export class MetricsModule implements NestModule {
  constructor() {
    // Once per process: tests build several apps in one.
    if (!defaultsCollected) collectDefaultMetrics({ prefix: 'hub_' });
    defaultsCollected = true;
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(observeHttpRequest).forRoutes('*');
  }
}
