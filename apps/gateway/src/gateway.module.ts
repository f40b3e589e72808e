import { Module, type DynamicModule } from '@nestjs/common';
import { ServicePlatformModule } from '@hub/platform';
import { BULK_LOAD_TYPE } from '@hub/contracts';
import { FINDING_RESPONSE_TYPE, findingWorkOptions, GatewayCoreModule } from '@hub/gateway';
import { ACCESS_LOG_TOPIC } from '@hub/members';
import { canonicalTopicSpec, ownTopicSpec, RecordVerifier } from '@hub/messaging';
import { GatewayEnvironment, gatewayConsumerGroup } from './gateway-environment.js';
import { HTTP_CONTROLLERS } from './http/http-controllers.js';
import { ReadAccess } from './http/read-access.js';
import { FINDINGS_VERIFIER, FindingRouterController } from './kafka/finding-router.controller.js';
import { InboundController } from './kafka/inbound.controller.js';
import { FactKeeperController } from './kafka/fact-keeper.controller.js';
import { BulkLoadJudgementsController } from './kafka/bulk-load-judgements.controller.js';

/** The department gateway: publishing over HTTP and Kafka, members and access, findings and rejections to read. */
@Module({})
export class GatewayModule {
  static forRoot(env: GatewayEnvironment): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ServicePlatformModule.forRoot(GatewayEnvironment, env, {
          topics: [
            ownTopicSpec('deadLetter', env.DEAD_LETTER_TOPIC),
            ownTopicSpec('accessLog', ACCESS_LOG_TOPIC),
            canonicalTopicSpec(FINDING_RESPONSE_TYPE, env.CANONICAL_TOPIC_PARTITIONS),
            canonicalTopicSpec(BULK_LOAD_TYPE, env.CANONICAL_TOPIC_PARTITIONS),
          ],
        }),
        GatewayCoreModule.forRoot({
          ...findingWorkOptions(env),
          canonicalTopicPartitions: env.CANONICAL_TOPIC_PARTITIONS,
          inboundGroupId: gatewayConsumerGroup(env),
          bulkLoadIdleMs: env.BULK_LOAD_IDLE_MINUTES * 60_000,
          retention: { rejectionDays: env.REJECTION_RETENTION_DAYS, identityVaultDays: env.IDENTITY_VAULT_RETENTION_DAYS, recordKeyDays: env.RECORD_KEY_RETENTION_DAYS },
        }),
      ],
      controllers: [...HTTP_CONTROLLERS, InboundController, FindingRouterController, FactKeeperController, BulkLoadJudgementsController],
      providers: [ReadAccess, { provide: FINDINGS_VERIFIER, useValue: env.FINDINGS_PUBLIC_KEY_FILE ? RecordVerifier.fromPemFiles([env.FINDINGS_PUBLIC_KEY_FILE]) : null }],
    };
  }
}
