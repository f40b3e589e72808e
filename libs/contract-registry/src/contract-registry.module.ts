import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HubEnvironment } from '@hub/config';
import { HubProducer, kafkaSettingsFrom, RecordSigner } from '@hub/messaging';
import { ContractRegistry } from './contract-registry.js';
import { KafkaContractChangeSink } from './kafka-contract-change-sink.js';
import { PostgresSchemaStore } from './postgres-schema-store.js';
import { TopicSampleChecker } from './topic-sample-checker.js';

/** The registry's use cases on the app's PostgreSQL, reporting changes to hub.contracts (needs PersistenceModule and MessagingModule). */
@Module({
  providers: [
    {
      provide: ContractRegistry,
      inject: [getDataSourceToken(), HubProducer, HubEnvironment],
      useFactory: (dataSource: DataSource, producer: HubProducer, env: HubEnvironment) =>
        new ContractRegistry(new PostgresSchemaStore(dataSource), new KafkaContractChangeSink(producer, env.SIGNING_KEY_FILE ? RecordSigner.fromPemFile(env.SIGNING_KEY_FILE) : undefined)),
    },
    {
      provide: TopicSampleChecker,
      inject: [ContractRegistry, HubEnvironment],
      useFactory: (registry: ContractRegistry, env: HubEnvironment) => new TopicSampleChecker(registry, kafkaSettingsFrom(env)),
    },
  ],
  exports: [ContractRegistry, TopicSampleChecker],
})
export class ContractRegistryModule {}
