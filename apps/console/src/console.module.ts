import { Module, type DynamicModule } from '@nestjs/common';
import { ConsoleUsersModule } from '@hub/console-users';
import { ACCESS_LOG_TOPIC, MembersModule } from '@hub/members';
import { ServicePlatformModule } from '@hub/platform';
import { ConsoleEnvironment } from './console-environment.js';
import { SessionController } from './http/session.controller.js';

/** The console's server (issue 24): signing in for now; the pages and their API come next. */
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
      ],
      controllers: [SessionController],
    };
  }
}
