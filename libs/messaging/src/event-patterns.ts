import { EventPattern } from '@nestjs/microservices';
import type { InboundRecord } from './inbound-record.js';

/** Marks a handler that takes one record of the topic per call, as an `InboundRecord`. */
export const RecordEventPattern = (topic: string) => EventPattern<Record<string, InboundRecord>>(topic);

/**
 * Marks a handler that takes all records of a fetched batch (one topic partition) at once, as
 * `InboundRecord[]`, for throughput. It must apply them atomically (one transaction) or
 * idempotently: a failed batch is retried, then retried one record at a time.
 */
export const BatchEventPattern = (topic: string) => EventPattern<Record<string, InboundRecord[]>>(topic, { batch: true });
