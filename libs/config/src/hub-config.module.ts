import { Module, type DynamicModule } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import { HubEnvironment } from './hub-environment.js';
import { loadConfig } from './load-config.js';

/**
 * Provides the validated settings, once, to the whole app. Both the app's own settings class
 * and HubEnvironment resolve to the same object, so shared libs can inject HubEnvironment.
 */
@Module({})
export class HubConfigModule {
  static forRoot<T extends HubEnvironment>(settingsClass?: ClassConstructor<T>, settings?: T): DynamicModule {
    const value = settings ?? loadConfig(settingsClass ?? HubEnvironment);
    const providers: { provide: ClassConstructor<HubEnvironment>; useValue: HubEnvironment }[] = [{ provide: HubEnvironment, useValue: value }];
    if (settingsClass && settingsClass !== (HubEnvironment as unknown)) providers.push({ provide: settingsClass, useValue: value });
    return { module: HubConfigModule, global: true, providers, exports: providers.map((p) => p.provide) };
  }
}
