import { Counter, Gauge, Histogram, register } from 'prom-client';

/**
 * The series every hub service exposes at /metrics (Prometheus text format), on prom-client's
 * default registry: what operators watch instead of reading logs. Labels stay few and bounded:
 * routes are the route patterns, members the registered ones, topics the hub's.
 */
export const HUB_METRICS = {
  httpRequests: new Counter({ name: 'hub_http_requests_total', help: 'HTTP requests answered, by route pattern, status and member', labelNames: ['method', 'route', 'status', 'member'] as const }),
  httpDuration: new Histogram({
    name: 'hub_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  }),
  recordsPublished: new Counter({ name: 'hub_records_published_total', help: 'Records the broker has durably written (acks=all), by topic', labelNames: ['topic'] as const }),
  recordsConsumed: new Counter({ name: 'hub_records_consumed_total', help: 'Records consumed and committed, by consumer group and topic', labelNames: ['group', 'topic'] as const }),
  consumerLag: new Gauge({
    name: 'hub_consumer_lag_records',
    help: "Records on a partition after the last batch a group handled (the partition's high watermark when the batch was fetched)",
    labelNames: ['group', 'topic', 'partition'] as const,
  }),
  batchSize: new Histogram({ name: 'hub_consumer_batch_records', help: 'Records in a batch a group handled', labelNames: ['group'] as const, buckets: [1, 10, 50, 100, 500, 1000, 5000, 10000] }),
  batchDuration: new Histogram({
    name: 'hub_consumer_batch_duration_seconds',
    help: 'Time from a batch fetched to its offsets committed',
    labelNames: ['group'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  }),
  deadLetters: new Counter({ name: 'hub_dead_letters_total', help: 'Records sent to the dead-letter topic, by consumer group and reason (error code)', labelNames: ['group', 'reason'] as const }),
  findingsChanged: new Counter({
    name: 'hub_findings_changed_total',
    help: 'Finding changes the cross-check announced (raised, updated, closed; once published), by rule',
    labelNames: ['rule', 'change'] as const,
  }),
};

/** What a connection pool says of itself (pg's Pool). */
export interface PoolState {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

const pools = new Map<string, () => PoolState | undefined>();

new Gauge({
  name: 'hub_database_pool_connections',
  help: 'PostgreSQL pool connections: open, idle, and requests waiting for one',
  labelNames: ['pool', 'state'] as const,
  collect() {
    this.reset();
    for (const [name, state] of pools) {
      const now = state();
      if (!now) continue;
      this.set({ pool: name, state: 'open' }, now.totalCount);
      this.set({ pool: name, state: 'idle' }, now.idleCount);
      this.set({ pool: name, state: 'waiting' }, now.waitingCount);
    }
  },
});

/** Reports a connection pool in hub_database_pool_connections, read at each scrape. */
export function watchPool(name: string, state: () => PoolState | undefined): void {
  pools.set(name, state);
}

/** The text Prometheus scrapes, and its content type. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: register.contentType, body: await register.metrics() };
}
