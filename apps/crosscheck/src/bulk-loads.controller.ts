import { Controller, UseFilters } from '@nestjs/common';
import { BULK_LOAD_TYPE, fromKafkaBinary, type BulkLoadChange } from '@hub/contracts';
import { BulkLoadHold, FindingPublisher } from '@hub/crosscheck';
import { BatchEventPattern, RethrowHandlerErrorsFilter, type InboundRecord } from '@hub/messaging';

/** Departments' bulk loads opened and closed: while one is under way, raised findings are held back (BulkLoadHold). */
@Controller()
// Handler errors must reach the hub transport unchanged, for its retries and dead letters.
@UseFilters(RethrowHandlerErrorsFilter)
export class BulkLoadsController {
  constructor(
    private readonly hold: BulkLoadHold,
    private readonly publisher: FindingPublisher,
  ) {}

  @BatchEventPattern(BULK_LOAD_TYPE)
  async record(records: InboundRecord[]): Promise<void> {
    await this.hold.record(records.map((record) => fromKafkaBinary(record).data as BulkLoadChange));
    await this.publisher.publishPending();
  }
}
