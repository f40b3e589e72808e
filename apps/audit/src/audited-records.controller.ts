import { Controller, UseFilters } from '@nestjs/common';
import { AuditRecorder } from '@hub/audit';
import { BatchEventPattern, RethrowHandlerErrorsFilter, type InboundRecord } from '@hub/messaging';

/** The handler pattern standing for every topic of the broker (see main.ts). */
export const EVERY_TOPIC = 'audit.every-topic';

/** Each partition's batch is chained into the audit store before its offsets are committed. */
@Controller()
// Handler errors must reach the hub transport unchanged, for its retries and dead letters.
@UseFilters(RethrowHandlerErrorsFilter)
export class AuditedRecordsController {
  constructor(private readonly recorder: AuditRecorder) {}

  @BatchEventPattern(EVERY_TOPIC)
  async record(records: InboundRecord[]): Promise<void> {
    await this.recorder.record(records);
  }
}
