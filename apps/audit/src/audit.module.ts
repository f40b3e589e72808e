import { Inject, Logger, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { ownTopicSpec } from '@hub/messaging';
import { ServicePlatformModule } from '@hub/platform';
import { AuditCoreModule, AuditRetention, AuditSealer } from '@hub/audit';
import { AuditEnvironment } from './audit-environment.js';
import { AuditedRecordsController } from './audited-records.controller.js';

/** The audit service: records every topic in the hash-chained store and seals the chains. */
@Module({})
export class AuditModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditModule.name);

  constructor(
    @Inject(AuditSealer) private readonly sealer: AuditSealer,
    @Inject(AuditRetention) private readonly retention: AuditRetention,
  ) {}

  static forRoot(env: AuditEnvironment): DynamicModule {
    return {
      module: AuditModule,
      imports: [
        ServicePlatformModule.forRoot(AuditEnvironment, env, {
          topics: [ownTopicSpec('auditCheckpoints', env.AUDIT_CHECKPOINT_TOPIC), ownTopicSpec('auditDeadLetter', env.AUDIT_DEAD_LETTER_TOPIC)],
        }),
        AuditCoreModule.forRoot({
          signingKeyFile: env.AUDIT_SIGNING_KEY_FILE,
          sealIntervalMs: env.AUDIT_SEAL_INTERVAL_MS,
          checkpointTopic: env.AUDIT_CHECKPOINT_TOPIC,
          storeKeys: env.AUDIT_STORE_KEYS,
          retentionMonths: env.AUDIT_RETENTION_MONTHS,
        }),
      ],
      controllers: [AuditedRecordsController],
    };
  }

  onApplicationBootstrap(): void {
    this.sealer.start((error) => {
      this.logger.error({ err: error }, 'sealing the audit chains failed; the next seal covers them');
    });
    this.retention.start(
      (destroyed) => {
        if (destroyed.length > 0) this.logger.log({ periods: destroyed }, `the keys of ${destroyed.join(', ')} were destroyed: their entries expired (retention), their hashes stay in the chains`);
      },
      (error) => {
        this.logger.error({ err: error }, 'destroying the keys of expired months failed; the next sweep tries again');
      },
    );
  }

  /** The consumer has finished its last batch by now; what it chained is sealed (and published) before the producer and the database close. */
  async beforeApplicationShutdown(): Promise<void> {
    this.retention.stop();
    await this.sealer.stop();
  }
}
