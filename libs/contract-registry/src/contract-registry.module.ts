import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HubEnvironment } from '@hub/config';
import { HubProducer, kafkaSettingsFrom } from '@hub/messaging';
import { ContractRegistry } from './contract-registry.js';
import { KafkaContractChangeSink } from './kafka-contract-change-sink.js';
import { PostgresSchemaStore } from './postgres-schema-store.js';
import { TopicSampleChecker } from './topic-sample-checker.js';

/** The registry's use cases on the app's PostgreSQL, reporting changes to hub.contracts (needs PersistenceModule and MessagingModule). */
@Module({
  providers: [
    {
      provide: ContractRegistry,
      inject: [getDataSourceToken(), HubProducer],
      useFactory: (dataSource: DataSource, producer: HubProducer) =>
        new ContractRegistry(new PostgresSchemaStore(dataSource), new KafkaContractChangeSink(producer)),
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
