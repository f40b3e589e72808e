import { Controller, UseFilters } from '@nestjs/common';
import { EnvelopeError, fromKafkaBinary } from '@hub/contracts';
import { ErrorCode, HubError } from '@hub/errors';
import { MemberDirectory, memberOfInboundTopic, memberTopics, PublishService } from '@hub/gateway';
import type { SubmissionEntry } from '@hub/ingest';
import { BatchEventPattern, HubProducer, RethrowHandlerErrorsFilter, type InboundRecord } from '@hub/messaging';
import { ConsumerPattern } from './consumer-patterns.js';

/** A record of an inbound topic as a submission entry: a CloudEvent in Kafka binary mode, its data the record. */
function entryOf(record: InboundRecord, index: number): SubmissionEntry {
  const raw = { key: record.key, headers: record.headers, value: record.value?.toString('utf8') ?? null };
  try {
    const event = fromKafkaBinary(record);
    return { index, record: { id: event.id, type: event.type, ...(event.time ? { time: event.time } : {}), data: event.data } };
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    return { index, unreadable: { path: `/${error.attribute}`, reason: error.message }, raw };
  }
}

/**
 * The Kafka-native door: a department produces CloudEvents to its own inbound topic; the same
 * checks, pseudonymisation and dead letters apply as over HTTP, and each record's result goes to
 * the department's results topic (keyed by event id) before the batch's offsets are committed.
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
    const topic = records[0]!.topic;
    const memberId = memberOfInboundTopic(topic);
    const member = memberId ? await this.members.get(memberId) : undefined;
    if (!member) throw new HubError(ErrorCode.Forbidden, `${topic} is not the inbound topic of a registered member`, { context: { topic } });
    const outcome = await this.publisher.publish(member, records.map(entryOf), 'kafka');
    await this.producer.send(
      outcome.results.map((result) => ({
        topic: memberTopics(member.id).results,
        key: result.id ?? null,
        value: JSON.stringify({ ...result, offset: records[result.index]!.offset, partition: records[result.index]!.partition }),
      })),
    );
  }
}
