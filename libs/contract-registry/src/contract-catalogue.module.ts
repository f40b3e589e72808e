import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HubEnvironment } from '@hub/config';
import { kafkaSettingsFrom } from '@hub/messaging';
import type { ContractChangeSink } from './contract-change.js';
import { ContractRegistry } from './contract-registry.js';
import { PostgresSchemaStore } from './postgres-schema-store.js';
import { RegistryError, RegistryErrorCode } from './registry-error.js';
import { TopicSampleChecker } from './topic-sample-checker.js';

/** The console changes no contract (registering stays the registry's, behind its own door): a change reaching the sink is a bug. */
const NO_CHANGES: ContractChangeSink = {
  publish: (subject) => Promise.reject(new RegistryError(RegistryErrorCode.Forbidden, `this service reads the contract catalogue and changes nothing (${subject})`)),
};

/** The registry's reads and checks (the catalogue, versions, compatibility, a candidate against the topic's traffic) for another app on the hub's PostgreSQL: the console. */
@Module({
  providers: [
    { provide: ContractRegistry, inject: [getDataSourceToken()], useFactory: (dataSource: DataSource) => new ContractRegistry(new PostgresSchemaStore(dataSource), NO_CHANGES) },
    {
      provide: TopicSampleChecker,
      inject: [ContractRegistry, HubEnvironment],
      useFactory: (registry: ContractRegistry, env: HubEnvironment) => new TopicSampleChecker(registry, kafkaSettingsFrom(env)),
    },
  ],
  exports: [ContractRegistry, TopicSampleChecker],
})
export class ContractCatalogueModule {}
