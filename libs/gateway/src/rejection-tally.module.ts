import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PostgresRejectionTallyRepository } from './postgres-rejection-tally.repository.js';
import { REJECTION_TALLY_REPOSITORY } from './rejection-tally.repository.js';

/** The tally of rejected records for the operators' page, on the app's PostgreSQL (needs PersistenceModule). */
@Module({
  providers: [{ provide: REJECTION_TALLY_REPOSITORY, inject: [getDataSourceToken()], useFactory: (dataSource: DataSource) => new PostgresRejectionTallyRepository(dataSource) }],
  exports: [REJECTION_TALLY_REPOSITORY],
})
export class RejectionTallyModule {}
