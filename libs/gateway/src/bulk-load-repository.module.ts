import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BULK_LOAD_REPOSITORY } from './bulk-load.repository.js';
import { PostgresBulkLoadRepository } from './postgres-bulk-load.repository.js';

/** The members' bulk loads on the app's PostgreSQL: the gateway's use case keeps them, the console's operators read them (needs PersistenceModule). */
@Module({
  providers: [{ provide: BULK_LOAD_REPOSITORY, inject: [getDataSourceToken()], useFactory: (dataSource: DataSource) => new PostgresBulkLoadRepository(dataSource) }],
  exports: [BULK_LOAD_REPOSITORY],
})
export class BulkLoadRepositoryModule {}
