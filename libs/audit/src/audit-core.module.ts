import { Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HubProducer } from '@hub/messaging';
import { VersionedKeyRing } from '@hub/privacy';
import { readSigningKey } from './audit-keys.js';
import { AuditPeriodKeys } from './audit-period-keys.js';
import { AuditRecordCipher } from './audit-record-cipher.js';
import { AuditRecorder } from './audit-recorder.js';
import { AuditRetention } from './audit-retention.js';
import { AuditSealer } from './audit-sealer.js';
import { AuditStore } from './audit-store.js';
import { checkpointRecords } from './published-checkpoints.js';

export interface AuditCoreOptions {
  signingKeyFile: string;
  sealIntervalMs: number;
  checkpointTopic: string;
  /** The audit's key ring (`<version>:<base64>[,...]`), under which each month's key is kept. */
  storeKeys: string;
  retentionMonths: number;
}

/** The audit store, its sealer, its month keys and their retention, and the recorder, on the app's PostgreSQL (needs PersistenceModule, and MessagingModule to publish the checkpoints). */
@Module({})
export class AuditCoreModule {
  static forRoot(options: AuditCoreOptions): DynamicModule {
    return {
      module: AuditCoreModule,
      providers: [
        { provide: AuditStore, inject: [getDataSourceToken()], useFactory: (ds: DataSource) => new AuditStore(ds) },
        { provide: AuditPeriodKeys, inject: [getDataSourceToken()], useFactory: (ds: DataSource) => new AuditPeriodKeys(ds, VersionedKeyRing.parse(options.storeKeys)) },
        { provide: AuditRetention, inject: [AuditPeriodKeys], useFactory: (keys: AuditPeriodKeys) => new AuditRetention(keys, options.retentionMonths) },
        {
          provide: AuditSealer,
          inject: [AuditStore, HubProducer],
          useFactory: (store: AuditStore, producer: HubProducer) =>
            new AuditSealer(store, readSigningKey(options.signingKeyFile), options.sealIntervalMs, (checkpoints) => producer.send(checkpointRecords(options.checkpointTopic, checkpoints))),
        },
        {
          provide: AuditRecorder,
          inject: [AuditStore, AuditSealer, AuditPeriodKeys],
          useFactory: (store: AuditStore, sealer: AuditSealer, keys: AuditPeriodKeys) => new AuditRecorder(store, sealer, new AuditRecordCipher(keys)),
        },
      ],
      exports: [AuditStore, AuditSealer, AuditRecorder, AuditRetention],
    };
  }
}
