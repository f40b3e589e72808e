import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ContractRegistry } from './contract-registry.js';
import { PostgresSchemaStore } from './postgres-schema-store.js';

/** The registry's use cases on the app's PostgreSQL (needs the app's PersistenceModule). */
@Module({
  providers: [
    {
      provide: ContractRegistry,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new ContractRegistry(new PostgresSchemaStore(dataSource)),
    },
  ],
  exports: [ContractRegistry],
})
export class ContractRegistryModule {}
