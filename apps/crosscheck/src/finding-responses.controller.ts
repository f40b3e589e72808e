import { Controller, UseFilters } from '@nestjs/common';
import { fromKafkaBinary } from '@hub/contracts';
import { FindingPublisher, PostgresCrosscheckState, type RecordedResponse } from '@hub/crosscheck';
import { BatchEventPattern, RethrowHandlerErrorsFilter, type InboundRecord } from '@hub/messaging';
import type { EventType } from '@hub/contracts';

/** The topic the gateway records departments' responses on (the contract's topic). */
export const FINDING_RESPONSES_TOPIC = 'hub.finding-response.recorded.v1' satisfies EventType;

/** Departments' responses (acknowledged, resolved, disputed) are kept with their findings and announced with them. */
@Controller()
// Handler errors must reach the hub transport unchanged, for its retries and dead letters.
@UseFilters(RethrowHandlerErrorsFilter)
export class FindingResponsesController {
  constructor(
    private readonly state: PostgresCrosscheckState,
    private readonly publisher: FindingPublisher,
  ) {}

  @BatchEventPattern(FINDING_RESPONSES_TOPIC)
  async record(records: InboundRecord[]): Promise<void> {
    const responses = records.map((record): RecordedResponse => {
      const event = fromKafkaBinary(record);
      const data = event.data as Omit<RecordedResponse, 'eventId'>;
      return { eventId: event.id, findingId: data.findingId, department: data.department, response: data.response, ...(data.reason ? { reason: data.reason } : {}), respondedAt: data.respondedAt };
    });
    if ((await this.state.recordResponses(responses, new Date())) > 0) await this.publisher.publishPending();
  }
}
