import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HubProducer } from '@hub/messaging';
import { ContractRegistry } from './contract-registry.js';
import { KafkaContractChangeSink } from './kafka-contract-change-sink.js';
import { PostgresSchemaStore } from './postgres-schema-store.js';

/** The registry's use cases on the app's PostgreSQL, reporting changes to hub.contracts (needs PersistenceModule and MessagingModule). */
@Module({
  providers: [
    {
      provide: ContractRegistry,
      inject: [getDataSourceToken(), HubProducer],
      useFactory: (dataSource: DataSource, producer: HubProducer) =>
        new ContractRegistry(new PostgresSchemaStore(dataSource), new KafkaContractChangeSink(producer)),
    },
  ],
  exports: [ContractRegistry],
})
export class ContractRegistryModule {}
