import { Controller, UseFilters } from '@nestjs/common';
import { BULK_LOAD_TYPE, fromKafkaBinary, type BulkLoadChange } from '@hub/contracts';
import { BulkLoads } from '@hub/gateway';
import { BatchEventPattern, RethrowHandlerErrorsFilter, type InboundRecord } from '@hub/messaging';

/**
 * The crosscheck's word that a department's bulk load is judged (or given up): kept with the load,
 * so the department sees when the findings it held back are out. The gateway's own openings and
 * closes on the topic are passed over.
 */
@Controller()
// Handler errors must reach the hub transport unchanged, for its retries and dead letters.
@UseFilters(RethrowHandlerErrorsFilter)
export class BulkLoadJudgementsController {
  constructor(private readonly loads: BulkLoads) {}

  @BatchEventPattern(BULK_LOAD_TYPE)
  async record(records: InboundRecord[]): Promise<void> {
    for (const record of records) {
      const change = fromKafkaBinary(record).data as BulkLoadChange;
      if (change.change === 'judged' || change.change === 'given-up') await this.loads.judged(change);
    }
  }
}
