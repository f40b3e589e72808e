import { Inject, Logger, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditCoreModule, AuditSealer } from '@hub/audit';
import { HubConfigModule, serviceVersion } from '@hub/config';
import { HealthModule } from '@hub/health';
import { LoggingModule } from '@hub/logging';
import { MessagingModule } from '@hub/messaging';
import { PersistenceModule } from '@hub/persistence';
import { AuditEnvironment } from './audit-environment.js';
import { AuditedRecordsController } from './audited-records.controller.js';

/** The audit service: records every topic in the hash-chained store and seals the chains. */
@Module({})
export class AuditModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditModule.name);

  constructor(@Inject(AuditSealer) private readonly sealer: AuditSealer) {}

  static forRoot(env: AuditEnvironment): DynamicModule {
    return {
      module: AuditModule,
      imports: [
        HubConfigModule.forRoot(AuditEnvironment, env),
        LoggingModule.forRoot({ name: env.SERVICE_NAME, version: serviceVersion() }),
        PersistenceModule.forRoot(),
        // Checkpoints are kept for ever: they are what the store is compared with.
        MessagingModule.forRoot([
          { topic: env.AUDIT_CHECKPOINT_TOPIC, numPartitions: 1, configs: { 'retention.ms': '-1', 'retention.bytes': '-1' } },
          { topic: env.AUDIT_DEAD_LETTER_TOPIC, numPartitions: 1 },
        ]),
        HealthModule,
        AuditCoreModule.forRoot({ signingKeyFile: env.AUDIT_SIGNING_KEY_FILE, sealIntervalMs: env.AUDIT_SEAL_INTERVAL_MS, checkpointTopic: env.AUDIT_CHECKPOINT_TOPIC }),
      ],
      controllers: [AuditedRecordsController],
    };
  }

  onApplicationBootstrap(): void {
    this.sealer.start((error) => this.logger.error({ err: error }, 'sealing the audit chains failed; the next seal covers them'));
  }

  /** The consumer has finished its last batch by now; what it chained is sealed (and published) before the producer and the database close. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.sealer.stop();
  }
}
