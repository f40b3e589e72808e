import { Inject, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuditCoreModule, AuditSealer } from '@hub/audit';
import { HubConfigModule, serviceVersion } from '@hub/config';
import { LoggingModule } from '@hub/logging';
import { PersistenceModule } from '@hub/persistence';
import { AuditEnvironment } from './audit-environment.js';
import { AuditedRecordsController } from './audited-records.controller.js';

/** The audit service: records every topic in the hash-chained store and seals the chains. */
@Module({})
export class AuditModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditModule.name);

  constructor(@Inject(AuditSealer) private readonly sealer: AuditSealer) {}

  static forRoot(env: AuditEnvironment): DynamicModule {
    return {
      module: AuditModule,
      imports: [
        HubConfigModule.forRoot(AuditEnvironment, env),
        LoggingModule.forRoot({ name: env.SERVICE_NAME, version: serviceVersion() }),
        PersistenceModule.forRoot(),
        AuditCoreModule.forRoot({ signingKeyFile: env.AUDIT_SIGNING_KEY_FILE, sealIntervalMs: env.AUDIT_SEAL_INTERVAL_MS }),
      ],
      controllers: [AuditedRecordsController],
    };
  }

  onApplicationBootstrap(): void {
    this.sealer.start((error) => this.logger.error({ err: error }, 'sealing the audit chains failed; the next seal covers them'));
  }

  /** The consumer has finished its last batch by now; what it chained is sealed before the process ends. */
  async onApplicationShutdown(): Promise<void> {
    await this.sealer.stop();
  }
}
