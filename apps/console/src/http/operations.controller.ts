import { Controller, Get, Inject } from '@nestjs/common';
import { ConsoleEnvironment } from '../console-environment.js';
import { ConsoleRoute } from './console-route.decorator.js';

/** One service as the operations page shows it. */
export interface ServiceHealth {
  service: string;
  url: string;
  status: 'up' | 'down' | 'unreachable';
  /** What its /health/ready answered (Terminus: each indicator's status), or why it could not be asked. */
  detail: unknown;
}

const TIMEOUT_MS = 2_000;

/** The services and their health (issue 24, operations): each one's readiness (/health/ready), asked in parallel. */
@Controller('api/operations')
export class OperationsController {
  private readonly services: [string, string][];

  constructor(@Inject(ConsoleEnvironment) env: ConsoleEnvironment) {
    this.services = Object.entries(env.consoleServices());
  }

  @Get('services')
  @ConsoleRoute('read-operations')
  list(): Promise<ServiceHealth[]> {
    return Promise.all(this.services.map(([service, url]) => this.health(service, url)));
  }

  private async health(service: string, url: string): Promise<ServiceHealth> {
    try {
      const response = await fetch(new URL('/health/ready', url), { signal: AbortSignal.timeout(TIMEOUT_MS) });
      return { service, url, status: response.ok ? 'up' : 'down', detail: await response.json() };
    } catch (error) {
      return { service, url, status: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
    }
  }
}
