import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { HubEnvironment } from '@hub/config';
import { TraceRequestsMiddleware } from '@hub/tracing';
import { CorrelationMiddleware } from './correlation.middleware.js';
import { createLoggerParams, type ServiceIdentity } from './logger-params.js';

/** pino through nestjs-pino for the whole app, with correlation ids on HTTP requests (and a trace span each, when tracing is on). */
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
    consumer.apply(TraceRequestsMiddleware, CorrelationMiddleware).forRoutes({ path: '{/*splat}', method: RequestMethod.ALL });
  }
}
