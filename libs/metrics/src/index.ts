export { HUB_METRICS, metricsText, watchPool, type PoolState } from './hub-metrics.js';
export { MetricsController } from './metrics.controller.js';
export { MetricsModule } from './metrics.module.js';
export { samplesOf, type Sample } from './prometheus-series.js';
