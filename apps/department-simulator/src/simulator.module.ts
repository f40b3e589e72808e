import { join } from 'node:path';
import { Inject, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HubConfigModule, serviceVersion } from '@hub/config';
import { DepartmentSimulator, readDepartmentShare } from '@hub/department-simulation';
import { HubClient } from '@hub/hub-client';
import { LoggingModule } from '@hub/logging';
import { DEFAULT_CSV_TYPES, SimulatorEnvironment } from './simulator-environment.js';

/** One simulated department system: publishes its share at start, then acts on its findings until stopped. */
@Module({})
export class SimulatorModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SimulatorModule.name);
  private timer?: NodeJS.Timeout;
  private acting?: Promise<unknown>;
  private busy = false;

  constructor(
    @Inject(DepartmentSimulator) private readonly simulator: DepartmentSimulator,
    @Inject(SimulatorEnvironment) private readonly env: SimulatorEnvironment,
  ) {}

  static forRoot(env: SimulatorEnvironment): DynamicModule {
    const logger = new Logger(`simulator:${env.DEPARTMENT}`);
    return {
      module: SimulatorModule,
      imports: [HubConfigModule.forRoot(SimulatorEnvironment, env), LoggingModule.forRoot({ name: `${env.SERVICE_NAME}-${env.DEPARTMENT}`, version: serviceVersion() })],
      providers: [
        {
          provide: DepartmentSimulator,
          useFactory: () =>
            new DepartmentSimulator({
              department: env.DEPARTMENT,
              client: new HubClient({ gatewayUrl: env.GATEWAY_URL, apiKey: env.HUB_API_KEY }),
              records: readDepartmentShare(join(env.REGION_DIR, `${env.DEPARTMENT}.ndjson`)),
              csvTypes: env.CSV_TYPES ?? DEFAULT_CSV_TYPES[env.DEPARTMENT] ?? [],
              batchSize: env.PUBLISH_BATCH,
              respondedBy: `${env.DEPARTMENT} caseworker (simulated)`,
              grantedOn: env.GRANTED_ON,
              log: (message, fields) => {
                logger.log({ department: env.DEPARTMENT, ...fields }, message);
              },
            }),
        },
      ],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.simulator.publishShare();
    // One pass at a time: a pass still running when the timer fires again is not overtaken.
    const act = () => {
      if (this.busy) return;
      this.busy = true;
      this.acting = this.simulator
        .actOnFindings()
        .catch((error: unknown) => {
          this.logger.warn({ err: error }, 'could not act on findings; trying again');
        })
        .finally(() => (this.busy = false));
    };
    act();
    this.timer = setInterval(act, this.env.FINDINGS_POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.acting;
  }
}
