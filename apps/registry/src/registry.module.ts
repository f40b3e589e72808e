import { Module, type DynamicModule } from '@nestjs/common';
import { ownTopicSpec } from '@hub/messaging';
import { ServicePlatformModule } from '@hub/platform';
import { CONTRACTS_TOPIC, ContractRegistryModule } from '@hub/contract-registry';
import { ConsoleUsersModule, DEFAULT_SIGN_IN_POLICY } from '@hub/console-users';
import { ACCESS_LOG_TOPIC, MembersModule } from '@hub/members';
import { RegistryAccess } from './access/registry-access.js';
import { CompatibilityController } from './compatibility.controller.js';
import { ConfigController } from './config.controller.js';
import { HubContractsController } from './hub-contracts.controller.js';
import { RegistryEnvironment } from './registry-environment.js';
import { SchemasController } from './schemas.controller.js';
import { StandardContractsLoader } from './standard-contracts.loader.js';
import { SubjectsController } from './subjects.controller.js';

/** The contract registry: Confluent-compatible REST API for JSON Schema, with the hub's extensions. */
@Module({})
export class RegistryModule {
  static forRoot(env: RegistryEnvironment): DynamicModule {
    return {
      module: RegistryModule,
      imports: [
        ServicePlatformModule.forRoot(RegistryEnvironment, env, {
          topics: [ownTopicSpec('contracts', CONTRACTS_TOPIC), ownTopicSpec('accessLog', ACCESS_LOG_TOPIC)],
        }),
        ContractRegistryModule,
        MembersModule,
        // People register and change contracts from the console: their sessions are checked here, on the console's idle limit.
        ConsoleUsersModule.forSessionChecks({ ...DEFAULT_SIGN_IN_POLICY, idleMinutes: env.CONSOLE_IDLE_MINUTES }),
      ],
      controllers: [SubjectsController, SchemasController, CompatibilityController, ConfigController, HubContractsController],
      providers: [StandardContractsLoader, RegistryAccess],
    };
  }
}
