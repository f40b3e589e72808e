import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { canonicalTopicSpec } from '@hub/messaging';
import { BULK_LOAD_TYPE } from '@hub/contracts';
import { ServicePlatformModule } from '@hub/platform';
import { CrosscheckCoreModule, FindingPublisher } from '@hub/crosscheck';
import { FACT_EVENT_TYPES } from '@hub/precise-aid';
import { BulkLoadsController } from './bulk-loads.controller.js';
import { CanonicalEventsController } from './canonical-events.controller.js';
import { crosscheckConsumerGroup, CrosscheckEnvironment } from './crosscheck-environment.js';
import { FINDING_RESPONSES_TOPIC, FindingResponsesController } from './finding-responses.controller.js';

/** The cross-check: folds canonical events into state and publishes finding changes. */
@Module({})
export class CrosscheckModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(FindingPublisher) private readonly publisher: FindingPublisher) {}

  static forRoot(env: CrosscheckEnvironment): DynamicModule {
    return {
      module: CrosscheckModule,
      imports: [
        ServicePlatformModule.forRoot(CrosscheckEnvironment, env, {
          topics: [...FACT_EVENT_TYPES, env.FINDINGS_TOPIC, FINDING_RESPONSES_TOPIC, BULK_LOAD_TYPE].map((topic) => canonicalTopicSpec(topic)),
        }),
        CrosscheckCoreModule.forRoot({
          findingsTopic: env.FINDINGS_TOPIC,
          settleMs: env.FINDING_SETTLE_MS,
          reviewIntervalMs: env.REVIEW_INTERVAL_MS,
          ...(env.EVALUATION_DATE ? { evaluationDate: env.EVALUATION_DATE } : {}),
          ...(env.SIGNING_KEY_FILE ? { signingKeyFile: env.SIGNING_KEY_FILE } : {}),
          bulkLoads: { groupId: crosscheckConsumerGroup(env), topicsRead: FACT_EVENT_TYPES, maxHoldMs: env.BULK_LOAD_MAX_HOLD_MINUTES * 60_000 },
        }),
      ],
      controllers: [CanonicalEventsController, FindingResponsesController, BulkLoadsController],
    };
  }

  /** Changes stored before a crash but not yet published go out first. */
  async onApplicationBootstrap(): Promise<void> {
    await this.publisher.publishPending();
    this.publisher.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.stop();
  }
}
