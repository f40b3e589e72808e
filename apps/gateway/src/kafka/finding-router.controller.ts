import { Controller, Inject, Logger, UseFilters } from '@nestjs/common';
import { HubEnvironment } from '@hub/config';
import { fromKafkaBinary } from '@hub/contracts';
import { ErrorCode, HubError } from '@hub/errors';
import { FindingDelivery, type FindingChange } from '@hub/gateway';
import { BatchEventPattern, deadLetterRecord, HubProducer, type InboundRecord, KafkaTopicAdmin, memberTopics, memberTopicSpecs, type RecordVerifier, RethrowHandlerErrorsFilter } from '@hub/messaging';
import { ConsumerPattern } from './consumer-patterns.js';

/** Checks that finding changes are the crosscheck's (signed by its key); null when not configured. */
export const FINDINGS_VERIFIER = Symbol('FINDINGS_VERIFIER');

/**
 * Routes each finding to the department that can act on it: held for its read endpoint and sent
 * to its findings topic, in its own record keys. Re-delivered or older changes change nothing. A
 * change the crosscheck did not sign goes to the dead-letter topic with the reason (issue 19: a
 * principal that can write the topic still cannot raise a finding).
 */
@Controller()
// Handler errors must reach the hub transport unchanged, for its retries and dead letters.
@UseFilters(RethrowHandlerErrorsFilter)
export class FindingRouterController {
  private readonly ensured = new Set<string>();
  private readonly logger = new Logger(FindingRouterController.name);

  constructor(
    private readonly delivery: FindingDelivery,
    private readonly producer: HubProducer,
    private readonly topicAdmin: KafkaTopicAdmin,
    private readonly env: HubEnvironment,
    @Inject(FINDINGS_VERIFIER) private readonly verifier: RecordVerifier | null,
  ) {}

  @BatchEventPattern(ConsumerPattern.Findings)
  async route(records: InboundRecord[]): Promise<void> {
    const changes = (await this.signedOnly(records)).map((record) => fromKafkaBinary(record).data as FindingChange);
    const delivered = await this.delivery.apply(changes);
    const members = [...new Set(delivered.map((finding) => finding.routedTo))].filter((member) => !this.ensured.has(member));
    if (members.length > 0) {
      await this.topicAdmin.ensureTopics(members.flatMap(memberTopicSpecs));
      members.forEach((member) => this.ensured.add(member));
    }
    // The findings topics keep what they carry: record keys that embed an identity number go masked (the HTTP API gives them whole).
    await this.producer.send(
      delivered
        .map((finding) => FindingDelivery.forKafka(finding))
        .map(({ routedTo, ...finding }) => ({ topic: memberTopics(routedTo).findings, key: finding.findingId, value: JSON.stringify(finding) })),
    );
  }

  /** The records signed by the crosscheck; the others are dead-lettered with the reason, before anything of the batch is applied. */
  private async signedOnly(records: InboundRecord[]): Promise<InboundRecord[]> {
    if (!this.verifier) return records;
    const refused = records.flatMap((record) => {
      const problem = this.verifier!.problem(record);
      return problem === undefined ? [] : [{ record, problem }];
    });
    if (refused.length === 0) return records;
    for (const { record, problem } of refused) this.logger.error({ topic: record.topic, partition: record.partition, offset: record.offset }, `finding change refused: ${problem}`);
    const failedAt = new Date();
    await this.producer.send(
      refused.map(({ record, problem }) =>
        deadLetterRecord(this.env.DEAD_LETTER_TOPIC, record, {
          error: new HubError(ErrorCode.RecordRejected, `finding change refused: ${problem}`),
          attempts: 1,
          consumerGroup: `${this.env.SERVICE_NAME}.consumer`,
          failedAt,
        }),
      ),
    );
    const refusedRecords = new Set(refused.map((r) => r.record));
    return records.filter((record) => !refusedRecords.has(record));
  }
}
