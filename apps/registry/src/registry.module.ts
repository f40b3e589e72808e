import { Module, type DynamicModule } from '@nestjs/common';
import { HubConfigModule, serviceVersion } from '@hub/config';
import { CONTRACTS_TOPIC, ContractRegistryModule } from '@hub/contract-registry';
import { HealthModule } from '@hub/health';
import { LoggingModule } from '@hub/logging';
import { ACCESS_LOG_TOPIC, MembersModule } from '@hub/members';
import { MessagingModule } from '@hub/messaging';
import { PersistenceModule } from '@hub/persistence';
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
        HubConfigModule.forRoot(RegistryEnvironment, env),
        LoggingModule.forRoot({ name: env.SERVICE_NAME, version: serviceVersion() }),
        PersistenceModule.forRoot(),
        // Compacted: followers need the latest contract per subject, not its history (that is in the store).
        MessagingModule.forRoot([
          { topic: CONTRACTS_TOPIC, numPartitions: 3, configs: { 'cleanup.policy': 'compact' } },
          { topic: ACCESS_LOG_TOPIC, numPartitions: 3 },
        ]),
        HealthModule,
        ContractRegistryModule,
        MembersModule,
      ],
      controllers: [SubjectsController, SchemasController, CompatibilityController, ConfigController, HubContractsController],
      providers: [StandardContractsLoader, RegistryAccess],
    };
  }
}
