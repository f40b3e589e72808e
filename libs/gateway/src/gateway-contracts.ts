import { Logger } from '@nestjs/common';
import { sharedWith, sharingRulesOf, type SharingRule } from '@hub/access';
import { ContractCatalog, type ContractState } from '@hub/contract-registry';
import { ErrorCode, HubError } from '@hub/errors';
import type { IngestContract } from '@hub/ingest';
import { CompactedTopicFollower, type InboundRecord, type KafkaSettings, type RecordVerifier } from '@hub/messaging';

export interface ContractTrust {
  /** Checks each contract change is the registry's; unset: every change is taken. */
  verifier?: RecordVerifier;
  /** Where a refused change goes, with the reason. */
  deadLetter: (record: InboundRecord, error: HubError) => Promise<void>;
}

/**
 * The gateway's copy of the registered contracts, followed from the registry's compacted topic.
 * It loads in the background so the gateway starts (and reports not ready) while Kafka is away;
 * until it has read the topic to its end, publishing answers 503.
 */
export class GatewayContracts {
  private readonly logger = new Logger(GatewayContracts.name);
  private readonly catalog = new ContractCatalog();
  private follower?: CompactedTopicFollower;
  private retry?: NodeJS.Timeout;
  private stopped = false;
  private readonly firstLoad = Promise.withResolvers<void>();
  /** Resolves once the contracts topic has been read to its end. */
  readonly loadedOnce = this.firstLoad.promise;
  loaded = false;

  constructor(
    private readonly settings: KafkaSettings,
    private readonly topic: string,
    private readonly trust?: ContractTrust,
  ) {}

  start(delayMs = 1000): void {
    this.follower = new CompactedTopicFollower(this.settings, this.topic, (record) => {
      if (record.key) this.apply(record);
    });
    this.follower.start().then(
      () => {
        // Compiling every validator takes a good part of a second: better before the gateway reports ready than in the first requests.
        this.catalog.compileAll();
        this.loaded = true;
        this.firstLoad.resolve();
        this.logger.log(`contracts loaded from ${this.topic}: ${this.catalog.subjects().length} subject(s)`);
      },
      async (error: unknown) => {
        await this.follower?.stop();
        if (this.stopped) return;
        this.logger.warn(`cannot read ${this.topic} yet (${String(error)}); retrying in ${delayMs} ms`);
        this.retry = setTimeout(() => {
          this.start(Math.min(delayMs * 2, 30_000));
        }, delayMs);
      },
    );
  }

  /** Takes a contract change, unless it is not the registry's (signed by its key): then it goes to the dead-letter topic with the reason, and the contract stays as it was. */
  private apply(record: InboundRecord): void {
    const problem = this.trust?.verifier?.problem(record);
    if (problem === undefined) {
      this.catalog.apply(record.key!, record.value);
      return;
    }
    this.logger.error({ topic: record.topic, partition: record.partition, offset: record.offset, subject: record.key }, `contract change refused: ${problem}`);
    this.trust!.deadLetter(record, new HubError(ErrorCode.RecordRejected, `contract change refused: ${problem}`)).catch((error: unknown) => {
      this.logger.error({ err: error }, 'could not dead-letter a refused contract change');
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.follower?.stop();
  }

  /** The contract a record of this event type (its topic, e.g. `education.student-aid.granted.v1`) is checked against. */
  forType(type: string): IngestContract | undefined {
    if (!this.loaded) throw new HubError(ErrorCode.NotReady, `the gateway has not yet loaded the contracts from ${this.topic}`, { canRetry: true });
    const state = this.catalog.forTopic(type);
    return state?.binding ? this.asIngestContract(state) : undefined;
  }

  /** The canonical topics of the member's own contracts (the topics its records go to). */
  topicsOwnedBy(member: string): string[] {
    return [
      ...new Set(
        this.active()
          .filter((state) => state.binding!.owner === member)
          .map((state) => state.binding!.topic),
      ),
    ].sort();
  }

  /** The topics of contracts that share facts (have sharing rules). */
  sharingTopics(): string[] {
    return this.active()
      .filter((state) => sharingRulesOf(state.schema).length > 0)
      .map((state) => state.binding!.topic);
  }

  /** What a member may read as shared facts: event type → its sharing rule. */
  sharingRulesFor(member: string): Map<string, SharingRule> {
    const rules = new Map<string, SharingRule>();
    for (const state of this.active()) {
      const rule = sharedWith(state.schema, member);
      if (rule) rules.set(state.binding!.topic, rule);
    }
    return rules;
  }

  private active(): ContractState[] {
    if (!this.loaded) throw new HubError(ErrorCode.NotReady, `the gateway has not yet loaded the contracts from ${this.topic}`, { canRetry: true });
    return this.catalog
      .subjects()
      .map((subject) => this.catalog.get(subject)!)
      .filter((state) => state.binding && state.lifecycle !== 'disabled');
  }

  private asIngestContract(state: ContractState): IngestContract {
    return {
      binding: state.binding!,
      lifecycle: state.lifecycle,
      schema: state.schema,
      validate: (document) => this.catalog.validate(state.subject, document),
    };
  }
}
