import { Controller, UseFilters } from '@nestjs/common';
import { fromKafkaBinary } from '@hub/contracts';
import { CrosscheckEngine, FindingPublisher, type CanonicalEvent } from '@hub/crosscheck';
import { BatchEventPattern, RethrowHandlerErrorsFilter, type InboundRecord } from '@hub/messaging';

/** The handler pattern standing for every canonical topic the rules read (see main.ts). */
export const CANONICAL_EVENTS = 'crosscheck.canonical-events';

function canonicalEvent(record: InboundRecord): CanonicalEvent {
  const event = fromKafkaBinary(record);
  return {
    type: event.type,
    data: event.data as Record<string, unknown>,
    evidence: { eventId: event.id, source: event.source, type: event.type, knownAt: new Date(Number(record.timestamp)).toISOString() },
  };
}

/**
 * Each batch of one partition goes through the engine in one transaction (facts, findings, outbox),
 * then the outbox is published; the offsets are committed after both.
 */
@Controller()
// Handler errors must reach the hub transport unchanged, for its retries and dead letters.
@UseFilters(RethrowHandlerErrorsFilter)
export class CanonicalEventsController {
  constructor(
    private readonly engine: CrosscheckEngine,
    private readonly publisher: FindingPublisher,
  ) {}

  @BatchEventPattern(CANONICAL_EVENTS)
  async apply(records: InboundRecord[]): Promise<void> {
    await this.engine.apply(records.map(canonicalEvent));
    await this.publisher.publishPending();
  }
}
