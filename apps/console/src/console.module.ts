import { Module, type DynamicModule } from '@nestjs/common';
import { ownTopicSpec } from '@hub/messaging';
import { APP_GUARD } from '@nestjs/core';
import { AuditReadingModule } from '@hub/audit';
import { ContractCatalogueModule } from '@hub/contract-registry';
import { ConsoleUsersModule } from '@hub/console-users';
import { ACCESS_LOG_TOPIC, MembersModule } from '@hub/members';
import { BulkLoadRepositoryModule, FINDING_RESPONSE_TYPE, findingWorkOptions, FindingWorkModule, RejectionTallyModule } from '@hub/gateway';
import { ServicePlatformModule } from '@hub/platform';
import { ConsoleEnvironment } from './console-environment.js';
import { ConsoleAccessGuard } from './http/console-access.guard.js';
import { CONSOLE_CONTROLLERS } from './http/console-controllers.js';
import { RegistryForwarding } from './http/registry-forwarding.js';

/** The console's server (issue 24): signing in, and the API of its pages on the gateway's and the registry's use cases. */
@Module({})
export class ConsoleModule {
  static forRoot(env: ConsoleEnvironment): DynamicModule {
    return {
      module: ConsoleModule,
      imports: [
        ServicePlatformModule.forRoot(ConsoleEnvironment, env, { topics: [ownTopicSpec('accessLog', ACCESS_LOG_TOPIC)] }),
        MembersModule,
        ConsoleUsersModule.forRoot({
          keys: env.CONSOLE_KEYS,
          policy: { lockoutAttempts: env.CONSOLE_LOCKOUT_ATTEMPTS, lockoutMinutes: env.CONSOLE_LOCKOUT_MINUTES, idleMinutes: env.CONSOLE_IDLE_MINUTES },
        }),
        FindingWorkModule.forRoot(findingWorkOptions(env)),
        ContractCatalogueModule,
        RejectionTallyModule,
        BulkLoadRepositoryModule,
        AuditReadingModule.forRoot({
          ...(env.AUDIT_DATABASE_URL ? { databaseUrl: env.AUDIT_DATABASE_URL } : {}),
          ...(env.AUDIT_STORE_KEYS ? { storeKeys: env.AUDIT_STORE_KEYS } : {}),
          trustedKeyFiles: env.AUDIT_PUBLIC_KEY_FILE?.split(',').filter(Boolean) ?? [],
          topics: { findings: env.FINDINGS_TOPIC, responses: FINDING_RESPONSE_TYPE, accessLog: ACCESS_LOG_TOPIC },
        }),
      ],
      controllers: CONSOLE_CONTROLLERS,
      providers: [{ provide: APP_GUARD, useClass: ConsoleAccessGuard }, RegistryForwarding],
    };
  }
}
