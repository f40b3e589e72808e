import { Controller, UseFilters } from '@nestjs/common';
import { fromKafkaBinary } from '@hub/contracts';
import { FindingDelivery, memberTopics, memberTopicSpecs, type FindingChange } from '@hub/gateway';
import { BatchEventPattern, HubProducer, KafkaTopicAdmin, RethrowHandlerErrorsFilter, type InboundRecord } from '@hub/messaging';
import { ConsumerPattern } from './consumer-patterns.js';

/**
 * Routes each finding to the department that can act on it: held for its read endpoint and sent
 * to its findings topic, in its own record keys. Re-delivered or older changes change nothing.
 */
@Controller()
// Handler errors must reach the hub transport unchanged, for its retries and dead letters.
@UseFilters(RethrowHandlerErrorsFilter)
export class FindingRouterController {
  private readonly ensured = new Set<string>();

  constructor(
    private readonly delivery: FindingDelivery,
    private readonly producer: HubProducer,
    private readonly topicAdmin: KafkaTopicAdmin,
  ) {}

  @BatchEventPattern(ConsumerPattern.Findings)
  async route(records: InboundRecord[]): Promise<void> {
    const changes = records.map((record) => fromKafkaBinary(record).data as FindingChange);
    const delivered = await this.delivery.apply(changes);
    const members = [...new Set(delivered.map((finding) => finding.routedTo))].filter((member) => !this.ensured.has(member));
    if (members.length > 0) {
      await this.topicAdmin.ensureTopics(members.flatMap(memberTopicSpecs));
      members.forEach((member) => this.ensured.add(member));
    }
    await this.producer.send(delivered.map(({ routedTo, ...finding }) => ({ topic: memberTopics(routedTo).findings, key: finding.findingId, value: JSON.stringify(finding) })));
  }
}
