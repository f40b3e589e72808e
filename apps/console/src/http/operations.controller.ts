import { Controller, Get, Inject } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MemberDirectory } from '@hub/members';
import { samplesOf } from '@hub/metrics';
import { ConsoleEnvironment } from '../console-environment.js';
import { ConsoleRoute } from './console-route.decorator.js';
import { ApiConsoleProblems, ConsumerLagSchema, MemberWithKeysSchema, ServiceHealthSchema } from './openapi/console.schemas.js';
import type { ConsumerLag, MemberWithKeys, ServiceHealth } from './operations-views.js';

const TIMEOUT_MS = 2_000;

/**
 * Operations (issue 24): each service's readiness (/health/ready), each consumer group's lag per
 * partition as the services report it at /metrics (hub_consumer_lag_records), and the members with
 * their API keys (ids and dates, never a secret). The services are asked in parallel, briefly.
 */
@Controller('api/operations')
@ApiTags('operations')
@ApiCookieAuth('session')
export class OperationsController {
  private readonly services: [string, string][];

  constructor(
    @Inject(ConsoleEnvironment) env: ConsoleEnvironment,
    private readonly members: MemberDirectory,
  ) {
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

  @Get('consumer-lag')
  @ConsoleRoute('read-operations')
  @ApiOperation({ summary: "Each consumer group's lag per partition, as its service reports it (a service that cannot be asked is left out)" })
  @ApiOkResponse({ type: [ConsumerLagSchema] })
  @ApiConsoleProblems(401, 403)
  async consumerLag(): Promise<ConsumerLag[]> {
    const scrapes = await Promise.all(
      this.services.map(async ([service, url]) => {
        const response = await fetch(new URL('/metrics', url), { signal: AbortSignal.timeout(TIMEOUT_MS) }).catch(() => undefined);
        const text = response?.ok ? await response.text() : '';
        return samplesOf(text, 'hub_consumer_lag_records').map(({ labels, value }) => ({
          service,
          group: labels['group'] ?? '',
          topic: labels['topic'] ?? '',
          partition: Number(labels['partition']),
          lag: value,
        }));
      }),
    );
    return scrapes.flat().sort((a, b) => b.lag - a.lag || a.group.localeCompare(b.group) || a.topic.localeCompare(b.topic) || a.partition - b.partition);
  }

  @Get('members')
  @ConsoleRoute('read-operations')
  @ApiOperation({ summary: 'The members, each with its API keys (ids and dates; a key is never shown again after it is issued)' })
  @ApiOkResponse({ type: [MemberWithKeysSchema] })
  @ApiConsoleProblems(401, 403, 503)
  async membersWithKeys(): Promise<MemberWithKeys[]> {
    const [members, keys] = await Promise.all([this.members.list(), this.members.allKeys()]);
    return members.map((member) => ({ ...member, keys: keys.get(member.id) ?? [] }));
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
