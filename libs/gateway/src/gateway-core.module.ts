import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HubEnvironment } from '@hub/config';
import { deadLetterRecord, HubProducer, KafkaTopicAdmin, kafkaSettingsFrom, RecordVerifier } from '@hub/messaging';
import { MembersModule } from '@hub/members';
import { PseudonymKeyRing, Pseudonymiser } from '@hub/privacy';
import { CsvMappingStore } from './csv-mapping-store.js';
import { FindingDelivery } from './finding-delivery.js';
import { FindingResponses } from './finding-responses.js';
import { GatewayContracts } from './gateway-contracts.js';
import { IngestLedger } from './ingest-ledger.js';
import { PublishService } from './publish-service.js';
import { SharedFacts } from './shared-facts.js';

export interface GatewayCoreOptions {
  /** `1:<base64 secret>,2:<base64 secret>`: the hub-held pseudonym keys. */
  pseudonymKeys: string;
  contractsTopic: string;
  /** The registry's public key file: contract changes it did not sign are refused. */
  contractsPublicKeyFile?: string;
  canonicalTopicPartitions: number;
}

const OPTIONS = Symbol('GATEWAY_CORE_OPTIONS');

/** The gateway's use cases on the app's PostgreSQL and Kafka (needs PersistenceModule and MessagingModule). */
@Module({})
export class GatewayCoreModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(GatewayContracts) private readonly contracts: GatewayContracts) {}

  static forRoot(options: GatewayCoreOptions): DynamicModule {
    const fromDataSource = <T>(type: new (dataSource: DataSource) => T) => ({ provide: type, inject: [getDataSourceToken()], useFactory: (ds: DataSource) => new type(ds) });
    return {
      module: GatewayCoreModule,
      imports: [MembersModule],
      providers: [
        { provide: OPTIONS, useValue: options },
        fromDataSource(IngestLedger),
        fromDataSource(CsvMappingStore),
        { provide: Pseudonymiser, useFactory: () => new Pseudonymiser(PseudonymKeyRing.parse(options.pseudonymKeys)) },
        {
          provide: GatewayContracts,
          inject: [HubEnvironment, HubProducer],
          useFactory: (env: HubEnvironment, producer: HubProducer) =>
            new GatewayContracts({ ...kafkaSettingsFrom(env), clientId: `${env.SERVICE_NAME}.contracts` }, options.contractsTopic, {
              ...(options.contractsPublicKeyFile ? { verifier: RecordVerifier.fromPemFiles([options.contractsPublicKeyFile]) } : {}),
              deadLetter: (record, error) =>
                producer.send([deadLetterRecord(env.DEAD_LETTER_TOPIC, record, { error, attempts: 1, consumerGroup: `${env.SERVICE_NAME}.contracts`, failedAt: new Date() })]),
            }),
        },
        {
          provide: FindingDelivery,
          inject: [getDataSourceToken(), IngestLedger],
          useFactory: (ds: DataSource, ledger: IngestLedger) => new FindingDelivery(ds, ledger),
        },
        {
          provide: SharedFacts,
          inject: [getDataSourceToken(), IngestLedger],
          useFactory: (ds: DataSource, ledger: IngestLedger) => new SharedFacts(ds, ledger),
        },
        {
          provide: FindingResponses,
          inject: [GatewayContracts, HubProducer, Pseudonymiser],
          useFactory: (contracts: GatewayContracts, producer: HubProducer, pseudonymiser: Pseudonymiser) => new FindingResponses(contracts, producer, pseudonymiser),
        },
        {
          provide: PublishService,
          inject: [GatewayContracts, Pseudonymiser, HubProducer, KafkaTopicAdmin, IngestLedger, HubEnvironment],
          useFactory: (contracts: GatewayContracts, pseudonymiser: Pseudonymiser, producer: HubProducer, admin: KafkaTopicAdmin, ledger: IngestLedger, env: HubEnvironment) =>
            new PublishService(contracts, pseudonymiser, producer, admin, ledger, { deadLetterTopic: env.DEAD_LETTER_TOPIC, canonicalTopicPartitions: options.canonicalTopicPartitions }),
        },
      ],
      exports: [MembersModule, IngestLedger, CsvMappingStore, GatewayContracts, FindingDelivery, FindingResponses, PublishService, Pseudonymiser, SharedFacts],
    };
  }

  onApplicationBootstrap(): void {
    this.contracts.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.contracts.stop();
  }
}
