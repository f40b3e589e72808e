import { Module, type DynamicModule } from '@nestjs/common';
import { HubConfigModule, serviceVersion } from '@hub/config';
import { HealthModule } from '@hub/health';
import { LoggingModule } from '@hub/logging';
import { MessagingModule } from '@hub/messaging';
import { PersistenceModule } from '@hub/persistence';
import { GatewayEnvironment } from './gateway-environment.js';

/** The department gateway. For now it serves health; publishing and delivery come with their issues. */
@Module({})
export class GatewayModule {
  static forRoot(env: GatewayEnvironment): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        HubConfigModule.forRoot(GatewayEnvironment, env),
        LoggingModule.forRoot({ name: env.SERVICE_NAME, version: serviceVersion() }),
        PersistenceModule.forRoot(),
        MessagingModule.forRoot([{ topic: env.DEAD_LETTER_TOPIC, numPartitions: 3 }]),
        HealthModule,
      ],
    };
  }
}
