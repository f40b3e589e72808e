import { Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { readSigningKey } from './audit-keys.js';
import { AuditRecorder } from './audit-recorder.js';
import { AuditSealer } from './audit-sealer.js';
import { AuditStore } from './audit-store.js';

/** The audit store, its sealer and the recorder on the app's PostgreSQL (needs PersistenceModule). */
@Module({})
export class AuditCoreModule {
  static forRoot(options: { signingKeyFile: string; sealIntervalMs: number }): DynamicModule {
    return {
      module: AuditCoreModule,
      providers: [
        { provide: AuditStore, inject: [getDataSourceToken()], useFactory: (ds: DataSource) => new AuditStore(ds) },
        { provide: AuditSealer, inject: [AuditStore], useFactory: (store: AuditStore) => new AuditSealer(store, readSigningKey(options.signingKeyFile), options.sealIntervalMs) },
        { provide: AuditRecorder, inject: [AuditStore, AuditSealer], useFactory: (store: AuditStore, sealer: AuditSealer) => new AuditRecorder(store, sealer) },
      ],
      exports: [AuditStore, AuditSealer, AuditRecorder],
    };
  }
}
