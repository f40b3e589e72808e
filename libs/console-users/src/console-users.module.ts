import { Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EnvelopeCipher, VersionedKeyRing } from '@hub/privacy';
import { ConsoleSignIn, type SignInPolicy } from './console-sign-in.js';
import { PostgresConsoleSessionRepository } from './postgres-console-session.repository.js';
import { PostgresConsoleUserRepository } from './postgres-console-user.repository.js';

export interface ConsoleUsersOptions {
  /** The key ring the users' authenticator secrets are sealed with. */
  keys: string;
  policy: SignInPolicy;
}

/** The console's sign-in over the hub's PostgreSQL, for the console app to import. */
@Module({})
export class ConsoleUsersModule {
  static forRoot(options: ConsoleUsersOptions): DynamicModule {
    return {
      module: ConsoleUsersModule,
      providers: [
        {
          provide: ConsoleSignIn,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) =>
            new ConsoleSignIn(
              new PostgresConsoleUserRepository(dataSource),
              new PostgresConsoleSessionRepository(dataSource),
              new EnvelopeCipher(VersionedKeyRing.parse(options.keys)),
              options.policy,
            ),
        },
      ],
      exports: [ConsoleSignIn],
    };
  }

  /**
   * Only the checking of a console session (signed in, its CSRF token, not idle), for another
   * service a person's console request is passed on to: the registry. It opens no sealed secret.
   */
  static forSessionChecks(policy: SignInPolicy): DynamicModule {
    return {
      module: ConsoleUsersModule,
      providers: [
        {
          provide: ConsoleSignIn,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) => new ConsoleSignIn(new PostgresConsoleUserRepository(dataSource), new PostgresConsoleSessionRepository(dataSource), SECRETS_NOT_HELD, policy),
        },
      ],
      exports: [ConsoleSignIn],
    };
  }
}

/** Where sessions are only checked, no authenticator secret is sealed or opened: asking is a bug. */
const SECRETS_NOT_HELD = {
  seal: (_plaintext: string, context: string): string => {
    throw new Error(`this service only checks console sessions; it seals no secret (${context})`);
  },
  open: (_sealed: string, context: string): string => {
    throw new Error(`this service only checks console sessions; it opens no secret (${context})`);
  },
};
