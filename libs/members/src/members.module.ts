import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HubProducer } from '@hub/messaging';
import { AccessLog } from './access-log.js';
import { MemberAuthGuard } from './member-auth.guard.js';
import { MemberDirectory } from './member-directory.js';

/** The member directory, the access log and the guard that authenticates members (needs PersistenceModule and MessagingModule). */
@Module({
  providers: [
    { provide: MemberDirectory, inject: [getDataSourceToken()], useFactory: (dataSource: DataSource) => new MemberDirectory(dataSource) },
    { provide: AccessLog, inject: [HubProducer], useFactory: (producer: HubProducer) => new AccessLog(producer) },
    MemberAuthGuard,
  ],
  exports: [MemberDirectory, AccessLog, MemberAuthGuard],
})
export class MembersModule {}
