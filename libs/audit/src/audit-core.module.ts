import { Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HubProducer } from '@hub/messaging';
import { readSigningKey } from './audit-keys.js';
import { AuditRecorder } from './audit-recorder.js';
import { AuditSealer } from './audit-sealer.js';
import { AuditStore } from './audit-store.js';
import { checkpointRecords } from './published-checkpoints.js';

/** The audit store, its sealer and the recorder on the app's PostgreSQL (needs PersistenceModule, and MessagingModule to publish the checkpoints). */
@Module({})
export class AuditCoreModule {
  static forRoot(options: { signingKeyFile: string; sealIntervalMs: number; checkpointTopic: string }): DynamicModule {
    return {
      module: AuditCoreModule,
      providers: [
        { provide: AuditStore, inject: [getDataSourceToken()], useFactory: (ds: DataSource) => new AuditStore(ds) },
        {
          provide: AuditSealer,
          inject: [AuditStore, HubProducer],
          useFactory: (store: AuditStore, producer: HubProducer) =>
            new AuditSealer(store, readSigningKey(options.signingKeyFile), options.sealIntervalMs, (checkpoints) => producer.send(checkpointRecords(options.checkpointTopic, checkpoints))),
        },
        { provide: AuditRecorder, inject: [AuditStore, AuditSealer], useFactory: (store: AuditStore, sealer: AuditSealer) => new AuditRecorder(store, sealer) },
      ],
      exports: [AuditStore, AuditSealer, AuditRecorder],
    };
  }
}
