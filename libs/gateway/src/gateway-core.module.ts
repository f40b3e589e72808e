import { Inject, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HubEnvironment } from '@hub/config';
import { HubProducer, KafkaTopicAdmin } from '@hub/messaging';
import { MembersModule } from '@hub/members';
import { Pseudonymiser } from '@hub/privacy';
import { BULK_LOAD_REPOSITORY, type BulkLoadRepository } from './bulk-load.repository.js';
import { BulkLoadRepositoryModule } from './bulk-load-repository.module.js';
import { BulkLoads } from './bulk-loads.js';
import { CSV_MAPPING_REPOSITORY } from './csv-mapping.repository.js';
import { PostgresCsvMappingRepository } from './postgres-csv-mapping.repository.js';
import { FindingDelivery } from './finding-delivery.js';
import { FindingResponses } from './finding-responses.js';
import { FindingReveals } from './finding-reveals.js';
import { findingWorkProviders, type FindingWorkOptions } from './finding-work.module.js';
import { GatewayContracts } from './gateway-contracts.js';
import { IdentityVault } from './identity-vault.js';
import { INGEST_LEDGER, type IngestLedger } from './ingest-ledger.repository.js';
import { PublishService } from './publish-service.js';
import { PostgresRetentionRepository } from './postgres-retention.repository.js';
import { PostgresRateBucketRepository } from './postgres-rate-bucket.repository.js';
import { RATE_BUCKET_REPOSITORY } from './rate-bucket.repository.js';
import { RETENTION_REPOSITORY, type RetentionRepository } from './retention.repository.js';
import { DEFAULT_GATEWAY_RETENTION, RetentionSweep, type GatewayRetention } from './retention-sweep.js';
import { SharedFacts } from './shared-facts.js';
import { SHARED_FACT_REPOSITORY, type SharedFactRepository } from './shared-fact.repository.js';
import { PostgresSharedFactRepository } from './postgres-shared-fact.repository.js';

export interface GatewayCoreOptions extends FindingWorkOptions {
  canonicalTopicPartitions: number;
  /** The gateway's consumer group, which takes in the members' Kafka-native records (a bulk load closes once they are taken in). */
  inboundGroupId: string;
  /** How long an open bulk load may go without a record from its member before the gateway closes it (0 or absent: never). */
  bulkLoadIdleMs?: number;
  /** How long rejected records and the identity vault are kept (default DEFAULT_GATEWAY_RETENTION). */
  retention?: GatewayRetention;
}

/** How often the retention sweep runs while the gateway serves. */
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

const OPTIONS = Symbol('GATEWAY_CORE_OPTIONS');

/** The gateway's use cases on the app's PostgreSQL and Kafka (needs PersistenceModule and MessagingModule). */
@Module({})
export class GatewayCoreModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(GatewayCoreModule.name);

  constructor(
    @Inject(GatewayContracts) private readonly contracts: GatewayContracts,
    @Inject(INGEST_LEDGER) private readonly ledger: IngestLedger,
    @Inject(FindingDelivery) private readonly findings: FindingDelivery,
    @Inject(RetentionSweep) private readonly sweep: RetentionSweep,
    @Inject(BulkLoads) private readonly bulkLoads: BulkLoads,
    @Inject(OPTIONS) private readonly options: GatewayCoreOptions,
  ) {}

  private sweepTimer: NodeJS.Timeout | undefined;
  private idleTimer: NodeJS.Timeout | undefined;

  static forRoot(options: GatewayCoreOptions): DynamicModule {
    return {
      module: GatewayCoreModule,
      imports: [MembersModule, BulkLoadRepositoryModule],
      providers: [
        { provide: OPTIONS, useValue: options },
        ...findingWorkProviders(options),
        { provide: CSV_MAPPING_REPOSITORY, inject: [getDataSourceToken()], useFactory: (ds: DataSource) => new PostgresCsvMappingRepository(ds) },
        { provide: SHARED_FACT_REPOSITORY, inject: [getDataSourceToken()], useFactory: (ds: DataSource) => new PostgresSharedFactRepository(ds) },
        { provide: RATE_BUCKET_REPOSITORY, inject: [getDataSourceToken()], useFactory: (ds: DataSource) => new PostgresRateBucketRepository(ds) },
        {
          provide: BulkLoads,
          inject: [BULK_LOAD_REPOSITORY, GatewayContracts, HubProducer, KafkaTopicAdmin],
          useFactory: (loads: BulkLoadRepository, contracts: GatewayContracts, producer: HubProducer, admin: KafkaTopicAdmin) =>
            new BulkLoads(loads, contracts, producer, admin, options.inboundGroupId),
        },
        { provide: RETENTION_REPOSITORY, inject: [getDataSourceToken()], useFactory: (ds: DataSource) => new PostgresRetentionRepository(ds) },
        { provide: RetentionSweep, inject: [RETENTION_REPOSITORY], useFactory: (repository: RetentionRepository) => new RetentionSweep(repository, options.retention ?? DEFAULT_GATEWAY_RETENTION) },
        {
          provide: SharedFacts,
          inject: [SHARED_FACT_REPOSITORY, INGEST_LEDGER],
          useFactory: (facts: SharedFactRepository, ledger: IngestLedger) => new SharedFacts(facts, ledger),
        },
        {
          provide: PublishService,
          inject: [GatewayContracts, Pseudonymiser, HubProducer, KafkaTopicAdmin, INGEST_LEDGER, IdentityVault, SharedFacts, HubEnvironment],
          useFactory: (
            contracts: GatewayContracts,
            pseudonymiser: Pseudonymiser,
            producer: HubProducer,
            admin: KafkaTopicAdmin,
            ledger: IngestLedger,
            vault: IdentityVault,
            facts: SharedFacts,
            env: HubEnvironment,
          ) =>
            new PublishService(contracts, pseudonymiser, producer, admin, ledger, vault, facts, { deadLetterTopic: env.DEAD_LETTER_TOPIC, canonicalTopicPartitions: options.canonicalTopicPartitions }),
        },
      ],
      exports: [
        MembersModule,
        BulkLoads,
        INGEST_LEDGER,
        CSV_MAPPING_REPOSITORY,
        RATE_BUCKET_REPOSITORY,
        GatewayContracts,
        FindingDelivery,
        FindingResponses,
        FindingReveals,
        IdentityVault,
        PublishService,
        Pseudonymiser,
        SharedFacts,
      ],
    };
  }

  onApplicationBootstrap(): void {
    this.contracts.start();
    // Rows an earlier version kept in the clear, or an older envelope key sealed, are sealed anew while the gateway serves.
    Promise.all([this.ledger.sealLegacyRows(), this.findings.dropKeptRecordKeys()]).then(
      ([{ rejections, recordKeys }, findings]) => {
        if (rejections + recordKeys + findings > 0) {
          this.logger.log(`sealed ${rejections} rejected records and ${recordKeys} record keys with the current envelope key; ${findings} findings no longer hold record keys`);
        }
      },
      (error: unknown) => {
        this.logger.error({ err: error }, 'sealing the rows kept in the clear failed; it is tried again at the next start');
      },
    );
    const sweep = () =>
      this.sweep.run(new Date()).then(
        ({ rejections, identities, recordKeys }) => {
          if (rejections + identities + recordKeys > 0) {
            this.logger.log(`retention: deleted ${rejections} rejected records, ${identities} identity vault entries and ${recordKeys} record keys past their retention`);
          }
        },
        (error: unknown) => {
          this.logger.error({ err: error }, 'the retention sweep failed; it runs again within the hour');
        },
      );
    void sweep();
    this.sweepTimer = setInterval(() => void sweep(), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
    this.closeIdleBulkLoads();
  }

  /** Closes the open bulk loads whose members have gone quiet, looking a few times within the idle limit (at most each minute). */
  private closeIdleBulkLoads(): void {
    const idleMs = this.options.bulkLoadIdleMs ?? 0;
    if (idleMs <= 0) return;
    let running = false;
    const look = async () => {
      if (running) return;
      running = true;
      try {
        for (const load of await this.bulkLoads.closeIdle(new Date(), idleMs)) {
          this.logger.warn(`closed ${load.member}'s bulk load ${load.loadId}: no record from it for ${idleMs / 60_000} minutes (BULK_LOAD_IDLE_MINUTES)`);
        }
      } catch (error) {
        this.logger.error({ err: error }, 'closing idle bulk loads failed; it is tried again shortly');
      } finally {
        running = false;
      }
    };
    this.idleTimer = setInterval(() => void look(), Math.min(60_000, Math.max(1_000, idleMs / 4)));
    this.idleTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    if (this.idleTimer) clearInterval(this.idleTimer);
    await this.contracts.stop();
  }
}
