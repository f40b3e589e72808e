import { EventPattern } from '@nestjs/microservices';

/**
 * Marks a handler that takes all records of a fetched batch (one topic partition) at once, as
 * `InboundRecord[]`, for throughput. It must apply them atomically (one transaction) or
 * idempotently: a failed batch is retried, then retried one record at a time.
 * A plain `@EventPattern(topic)` handler takes one `InboundRecord` per call.
 */
export const BatchEventPattern = (topic: string) => EventPattern(topic, { batch: true });
