import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { HubEnvironment } from '@hub/config';
import { CorrelationMiddleware } from './correlation.middleware.js';
import { createLoggerParams, type ServiceIdentity } from './logger-params.js';

/** pino through nestjs-pino for the whole app, with correlation ids on HTTP requests. */
@Module({})
export class LoggingModule implements NestModule {
  static forRoot(service: ServiceIdentity): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [HubEnvironment],
          useFactory: (env: HubEnvironment) => createLoggerParams(env, service),
        }),
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes({ path: '{/*splat}', method: RequestMethod.ALL });
  }
}
