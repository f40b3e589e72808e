import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HubEnvironment } from '@hub/config';
import { deadLetterRecord, HubProducer, kafkaSettingsFrom, RecordVerifier } from '@hub/messaging';
import { AccessLog, MembersModule } from '@hub/members';
import { EnvelopeCipher, Pseudonymiser, VersionedKeyRing } from '@hub/privacy';
import { FindingDelivery } from './finding-delivery.js';
import { FINDING_REPOSITORY, type FindingRepository } from './finding.repository.js';
import { FindingResponses } from './finding-responses.js';
import { FindingReveals } from './finding-reveals.js';
import { GatewayContracts } from './gateway-contracts.js';
import { IdentityVault } from './identity-vault.js';
import { INGEST_LEDGER, type IngestLedger } from './ingest-ledger.repository.js';
import { PostgresFindingRepository } from './postgres-finding.repository.js';
import { PostgresIngestLedger } from './postgres-ingest-ledger.repository.js';

export interface FindingWorkOptions {
  /** `1:<base64 secret>,2:<base64 secret>`: the hub-held pseudonym keys. */
  pseudonymKeys: string;
  /** `1:<base64 secret>,...`: the envelope keys personal data is sealed with at rest, apart from the pseudonym keys. */
  envelopeKeys: string;
  contractsTopic: string;
  /** The registry's public key file: contract changes it did not sign are refused. */
  contractsPublicKeyFile?: string;
}

/**
 * The providers for working the findings a member holds — reading them in its own record keys,
 * responding, revealing — and the contracts they are checked against. The gateway serves them to
 * departments' systems, the console to their people: one set of use cases, two doors.
 */
export function findingWorkProviders(options: FindingWorkOptions): Provider[] {
  return [
    { provide: FINDING_REPOSITORY, inject: [getDataSourceToken()], useFactory: (ds: DataSource) => new PostgresFindingRepository(ds) },
    { provide: Pseudonymiser, useFactory: () => new Pseudonymiser(VersionedKeyRing.parse(options.pseudonymKeys)) },
    { provide: EnvelopeCipher, useFactory: () => new EnvelopeCipher(VersionedKeyRing.parse(options.envelopeKeys)) },
    { provide: INGEST_LEDGER, inject: [getDataSourceToken(), EnvelopeCipher], useFactory: (ds: DataSource, cipher: EnvelopeCipher) => new PostgresIngestLedger(ds, cipher) },
    {
      provide: IdentityVault,
      inject: [getDataSourceToken(), EnvelopeCipher, Pseudonymiser],
      useFactory: (ds: DataSource, cipher: EnvelopeCipher, pseudonymiser: Pseudonymiser) => new IdentityVault(ds, cipher, pseudonymiser),
    },
    {
      provide: GatewayContracts,
      inject: [HubEnvironment, HubProducer],
      useFactory: (env: HubEnvironment, producer: HubProducer) =>
        new GatewayContracts({ ...kafkaSettingsFrom(env), clientId: `${env.SERVICE_NAME}.contracts` }, options.contractsTopic, {
          ...(options.contractsPublicKeyFile ? { verifier: RecordVerifier.fromPemFiles([options.contractsPublicKeyFile]) } : {}),
          deadLetter: (record, error) => producer.send([deadLetterRecord(env.DEAD_LETTER_TOPIC, record, { error, attempts: 1, consumerGroup: `${env.SERVICE_NAME}.contracts`, failedAt: new Date() })]),
        }),
    },
    { provide: FindingDelivery, inject: [FINDING_REPOSITORY, INGEST_LEDGER], useFactory: (findings: FindingRepository, ledger: IngestLedger) => new FindingDelivery(findings, ledger) },
    {
      provide: FindingReveals,
      inject: [FindingDelivery, IdentityVault, AccessLog],
      useFactory: (findings: FindingDelivery, vault: IdentityVault, accessLog: AccessLog) => new FindingReveals(findings, vault, accessLog),
    },
    {
      provide: FindingResponses,
      inject: [GatewayContracts, HubProducer, Pseudonymiser],
      useFactory: (contracts: GatewayContracts, producer: HubProducer, pseudonymiser: Pseudonymiser) => new FindingResponses(contracts, producer, pseudonymiser),
    },
  ];
}

/** The use cases of findingWorkProviders for an app other than the gateway (the console); follows the contracts while the app runs. */
@Module({})
export class FindingWorkModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(GatewayContracts) private readonly contracts: GatewayContracts) {}

  static forRoot(options: FindingWorkOptions): DynamicModule {
    return {
      module: FindingWorkModule,
      imports: [MembersModule],
      providers: findingWorkProviders(options),
      exports: [MembersModule, GatewayContracts, FindingDelivery, FindingResponses, FindingReveals],
    };
  }

  onApplicationBootstrap(): void {
    this.contracts.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.contracts.stop();
  }
}
