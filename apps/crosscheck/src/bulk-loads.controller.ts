import { Controller, UseFilters } from '@nestjs/common';
import { fromKafkaBinary, type EventType } from '@hub/contracts';
import { BulkLoadHold, FindingPublisher, type BulkLoadChange } from '@hub/crosscheck';
import { BatchEventPattern, RethrowHandlerErrorsFilter, type InboundRecord } from '@hub/messaging';

/** The topic the gateway announces departments' bulk loads on (the contract's topic). */
export const BULK_LOADS_TOPIC = 'hub.bulk-load.changed.v1' satisfies EventType;

/** Departments' bulk loads opened and closed: while one is under way, raised findings are held back (BulkLoadHold). */
@Controller()
// Handler errors must reach the hub transport unchanged, for its retries and dead letters.
@UseFilters(RethrowHandlerErrorsFilter)
export class BulkLoadsController {
  constructor(
    private readonly hold: BulkLoadHold,
    private readonly publisher: FindingPublisher,
  ) {}

  @BatchEventPattern(BULK_LOADS_TOPIC)
  async record(records: InboundRecord[]): Promise<void> {
    await this.hold.record(records.map((record) => fromKafkaBinary(record).data as BulkLoadChange));
    await this.publisher.publishPending();
  }
}
