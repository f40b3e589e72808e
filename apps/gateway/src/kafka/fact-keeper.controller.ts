import { Controller, UseFilters } from '@nestjs/common';
import { sharedFactsOf } from '@hub/access';
import { fromKafkaBinary } from '@hub/contracts';
import { GatewayContracts, SharedFacts } from '@hub/gateway';
import { BatchEventPattern, RethrowHandlerErrorsFilter, type InboundRecord } from '@hub/messaging';
import { ConsumerPattern } from './consumer-patterns.js';

/** Keeps what the canonical events of sharing contracts say about each person, for members to read. */
@Controller()
// Handler errors must reach the hub transport unchanged, for its retries and dead letters.
@UseFilters(RethrowHandlerErrorsFilter)
export class FactKeeperController {
  constructor(
    private readonly contracts: GatewayContracts,
    private readonly facts: SharedFacts,
  ) {}

  @BatchEventPattern(ConsumerPattern.SharedFacts)
  async keep(records: InboundRecord[]): Promise<void> {
    const events = records.flatMap((record) => {
      const event = fromKafkaBinary(record);
      const contract = this.contracts.forType(event.type);
      if (!contract) return [];
      const source = { eventType: event.type, eventId: event.id, source: event.source, occurredAt: event.time ?? new Date(Number(record.timestamp)).toISOString() };
      return [{ source, facts: sharedFactsOf(contract.schema, event.data) }];
    });
    await this.facts.record(events);
  }
}
