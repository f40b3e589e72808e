import { Controller, UseFilters } from '@nestjs/common';
import { ErrorCode, HubError } from '@hub/errors';
import { PublishService } from '@hub/gateway';
import { MemberDirectory } from '@hub/members';
import { DEFAULT_SUBMISSION_LIMITS, entryFromKafkaRecord } from '@hub/ingest';
import { BatchEventPattern, HubProducer, type InboundRecord, memberOfInboundTopic, memberTopics, RethrowHandlerErrorsFilter } from '@hub/messaging';
import { ConsumerPattern } from './consumer-patterns.js';

/**
 * The Kafka-native door: a department produces CloudEvents to its own inbound topic; the same
 * checks, limits, pseudonymisation and dead letters apply as over HTTP, and each record's result
 * goes to the department's results topic (keyed by event id) before the batch's offsets are
 * committed. A record that cannot be read is answered there with the reason, like any rejection.
 */
@Controller()
// Handler errors must reach the hub transport unchanged, for its retries and dead letters.
@UseFilters(RethrowHandlerErrorsFilter)
export class InboundController {
  constructor(
    private readonly members: MemberDirectory,
    private readonly publisher: PublishService,
    private readonly producer: HubProducer,
  ) {}

  @BatchEventPattern(ConsumerPattern.Inbound)
  async publish(records: InboundRecord[]): Promise<void> {
    // Each member's records as that member's, whatever the transport handed over together.
    const byTopic = Map.groupBy(records, (record) => record.topic);
    for (const [topic, ofTopic] of byTopic) await this.publishAs(topic, ofTopic);
  }

  private async publishAs(topic: string, records: InboundRecord[]): Promise<void> {
    const memberId = memberOfInboundTopic(topic);
    const member = memberId ? await this.members.get(memberId) : undefined;
    if (!member) throw new HubError(ErrorCode.Forbidden, `${topic} is not the inbound topic of a registered member`, { context: { topic } });
    const outcome = await this.publisher.publish(
      member,
      records.map((record, index) => entryFromKafkaRecord(record, index, DEFAULT_SUBMISSION_LIMITS)),
      'kafka',
    );
    await this.producer.send(
      outcome.results.map((result) => ({
        topic: memberTopics(member.id).results,
        key: result.id ?? null,
        value: JSON.stringify({ ...result, offset: records[result.index].offset, partition: records[result.index].partition }),
      })),
    );
  }
}
