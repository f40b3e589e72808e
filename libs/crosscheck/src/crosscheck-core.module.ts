import { Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HubProducer, RecordSigner } from '@hub/messaging';
import { POLICY_2026 } from '@hub/precise-aid';
import { CrosscheckEngine } from './crosscheck-engine.js';
import { FindingPublisher } from './finding-publisher.js';
import { PostgresCrosscheckState } from './postgres-crosscheck-state.js';

/** The cross-check engine and its outbox publisher on the app's PostgreSQL and Kafka (needs PersistenceModule and MessagingModule). */
@Module({})
export class CrosscheckCoreModule {
  static forRoot(options: { findingsTopic: string; settleMs: number; evaluationDate?: string; signingKeyFile?: string }): DynamicModule {
    return {
      module: CrosscheckCoreModule,
      providers: [
        { provide: PostgresCrosscheckState, inject: [getDataSourceToken()], useFactory: (ds: DataSource) => new PostgresCrosscheckState(ds, options.settleMs) },
        { provide: CrosscheckEngine, inject: [PostgresCrosscheckState], useFactory: (state: PostgresCrosscheckState) => new CrosscheckEngine(state, POLICY_2026, options.evaluationDate) },
        {
          provide: FindingPublisher,
          inject: [getDataSourceToken(), HubProducer],
          useFactory: (ds: DataSource, producer: HubProducer) =>
            new FindingPublisher(ds, producer, options.findingsTopic, options.settleMs, options.signingKeyFile ? RecordSigner.fromPemFile(options.signingKeyFile) : undefined),
        },
      ],
      exports: [CrosscheckEngine, PostgresCrosscheckState, FindingPublisher],
    };
  }
}
