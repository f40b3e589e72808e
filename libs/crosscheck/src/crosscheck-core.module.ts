import { Inject, Logger, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HubProducer, KafkaTopicAdmin, RecordSigner } from '@hub/messaging';
import { POLICY_2026 } from '@hub/precise-aid';
import { BulkLoadHold } from './bulk-load-hold.js';
import { CrosscheckEngine } from './crosscheck-engine.js';
import { DailyReview } from './daily-review.js';
import { FindingPublisher } from './finding-publisher.js';
import { PostgresCrosscheckState } from './postgres-crosscheck-state.js';

/** How many persons are judged again in one transaction after a rule version change. */
const REJUDGED_AT_ONCE = 500;

/** The cross-check engine and its outbox publisher on the app's PostgreSQL and Kafka (needs PersistenceModule and MessagingModule). */
@Module({})
export class CrosscheckCoreModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CrosscheckCoreModule.name);

  constructor(
    @Inject(CrosscheckEngine) private readonly engine: CrosscheckEngine,
    @Inject(PostgresCrosscheckState) private readonly state: PostgresCrosscheckState,
    @Inject(DailyReview) private readonly review: DailyReview,
    @Inject(BulkLoadHold) private readonly hold: BulkLoadHold,
  ) {}

  /**
   * After a rule version change (a new policy), the persons with open findings of an older version
   * are judged again before anything else: their findings move to the new version (the old ones
   * close, the new ones are raised with the new grants), instead of waiting for a new fact. Then
   * the daily review starts: the persons whose review day has come are judged again.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.judgeOlderVersionsAgain();
    this.review.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.review.stop(), this.hold.stop()]);
  }

  private async judgeOlderVersionsAgain(): Promise<void> {
    const persons = await this.state.subjectsJudgedUnderOtherVersions(this.engine.ruleVersion);
    if (persons.length === 0) return;
    this.logger.log(`rule version ${this.engine.ruleVersion}: judging again the ${persons.length} persons with open findings of an older version`);
    let changes = 0;
    for (let from = 0; from < persons.length; from += REJUDGED_AT_ONCE) {
      changes += (await this.engine.reevaluate(persons.slice(from, from + REJUDGED_AT_ONCE))).length;
      this.logger.log(`judged ${Math.min(from + REJUDGED_AT_ONCE, persons.length)} of ${persons.length} persons again (${changes} finding changes)`);
    }
  }

  static forRoot(options: {
    findingsTopic: string;
    settleMs: number;
    evaluationDate?: string;
    signingKeyFile?: string;
    reviewIntervalMs: number;
    /** Departments' bulk loads: the crosscheck's consumer group and the topics it reads (a load is judged once the group has committed past its ends), and how long one may hold findings back. */
    bulkLoads: { groupId: string; topicsRead: readonly string[]; maxHoldMs: number };
  }): DynamicModule {
    return {
      module: CrosscheckCoreModule,
      providers: [
        { provide: PostgresCrosscheckState, inject: [getDataSourceToken()], useFactory: (ds: DataSource) => new PostgresCrosscheckState(ds, options.settleMs) },
        { provide: CrosscheckEngine, inject: [PostgresCrosscheckState], useFactory: (state: PostgresCrosscheckState) => new CrosscheckEngine(state, POLICY_2026, options.evaluationDate) },
        { provide: DailyReview, inject: [CrosscheckEngine], useFactory: (engine: CrosscheckEngine) => new DailyReview(engine, options.reviewIntervalMs) },
        {
          provide: BulkLoadHold,
          inject: [getDataSourceToken(), KafkaTopicAdmin, HubProducer, CrosscheckEngine],
          useFactory: (ds: DataSource, admin: KafkaTopicAdmin, producer: HubProducer, engine: CrosscheckEngine) =>
            new BulkLoadHold(ds, admin, producer, options.bulkLoads.groupId, options.bulkLoads.topicsRead, options.bulkLoads.maxHoldMs, (loadIds, take, causesSince) =>
              engine.judgeDeferred(loadIds, take, causesSince),
            ),
        },
        {
          provide: FindingPublisher,
          inject: [getDataSourceToken(), HubProducer, BulkLoadHold],
          useFactory: (ds: DataSource, producer: HubProducer, hold: BulkLoadHold) =>
            new FindingPublisher(ds, producer, options.findingsTopic, options.settleMs, options.signingKeyFile ? RecordSigner.fromPemFile(options.signingKeyFile) : undefined, hold),
        },
      ],
      exports: [CrosscheckEngine, PostgresCrosscheckState, FindingPublisher, BulkLoadHold],
    };
  }
}
