import { Controller, Get, Inject } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsoleEnvironment } from '../console-environment.js';
import { ConsoleRoute } from './console-route.decorator.js';
import { ApiConsoleProblems, ServiceHealthSchema } from './openapi/console.schemas.js';
import type { ServiceHealth } from './service-health.js';

const TIMEOUT_MS = 2_000;

/** The services and their health (issue 24, operations): each one's readiness (/health/ready), asked in parallel. */
@Controller('api/operations')
@ApiTags('operations')
@ApiCookieAuth('session')
export class OperationsController {
  private readonly services: [string, string][];

  constructor(@Inject(ConsoleEnvironment) env: ConsoleEnvironment) {
    this.services = Object.entries(env.consoleServices());
  }

  @Get('services')
  @ConsoleRoute('read-operations')
  @ApiOperation({ summary: "The hub's services and their readiness" })
  @ApiOkResponse({ type: [ServiceHealthSchema] })
  @ApiConsoleProblems(401, 403)
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
