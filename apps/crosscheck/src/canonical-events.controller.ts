import { Controller, UseFilters } from '@nestjs/common';
import { canonicalEventOf, CrosscheckEngine, FindingPublisher } from '@hub/crosscheck';
import { BatchEventPattern, RethrowHandlerErrorsFilter, type InboundRecord } from '@hub/messaging';

/** The handler pattern standing for every canonical topic the rules read (see main.ts). */
export const CANONICAL_EVENTS = 'crosscheck.canonical-events';

/**
 * Each batch goes through the engine in one transaction (facts, findings, outbox), then the outbox
 * is published; the offsets are committed after both. A batch holds one partition's records, or
 * several partitions' handed over together (CONSUMER_PARTITIONS_AT_ONCE).
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
    await this.engine.apply(records.map(canonicalEventOf));
    await this.publisher.publishPending();
  }
}
