import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ContractCatalogueModule } from '@hub/contract-registry';
import { ConsoleUsersModule } from '@hub/console-users';
import { findingWorkOptions, FindingWorkModule } from '@hub/gateway';
import { ACCESS_LOG_TOPIC, MembersModule } from '@hub/members';
import { ServicePlatformModule } from '@hub/platform';
import { ConsoleEnvironment } from './console-environment.js';
import { ConsoleAccessGuard } from './http/console-access.guard.js';
import { CONSOLE_CONTROLLERS } from './http/console-controllers.js';

/** The console's server (issue 24): signing in, and the API of its pages on the gateway's and the registry's use cases. */
@Module({})
export class ConsoleModule {
  static forRoot(env: ConsoleEnvironment): DynamicModule {
    return {
      module: ConsoleModule,
      imports: [
        ServicePlatformModule.forRoot(ConsoleEnvironment, env, { topics: [{ topic: ACCESS_LOG_TOPIC, numPartitions: 3 }] }),
        MembersModule,
        ConsoleUsersModule.forRoot({
          keys: env.CONSOLE_KEYS,
          policy: { lockoutAttempts: env.CONSOLE_LOCKOUT_ATTEMPTS, lockoutMinutes: env.CONSOLE_LOCKOUT_MINUTES, idleMinutes: env.CONSOLE_IDLE_MINUTES },
        }),
        FindingWorkModule.forRoot(findingWorkOptions(env)),
        ContractCatalogueModule,
      ],
      controllers: CONSOLE_CONTROLLERS,
      providers: [{ provide: APP_GUARD, useClass: ConsoleAccessGuard }],
    };
  }
}
