import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ErrorCode, HubError } from '@hub/errors';
import { BULK_LOAD_REPOSITORY, BulkLoadSchema, REJECTION_TALLY_REPOSITORY, type BulkLoad, type BulkLoadRepository, type RejectionTally, type RejectionTallyRepository } from '@hub/gateway';
import { MemberDirectory } from '@hub/members';
import { samplesOf } from '@hub/metrics';
import { deadLetterEntryOf, kafkaSettingsFrom, readTopicWindow, type DeadLetterEntry } from '@hub/messaging';
import { maskIdentityNumbers } from '@hub/privacy';
import { ConsoleEnvironment } from '../console-environment.js';
import { ConsoleRoute } from './console-route.decorator.js';
import { ApiConsoleProblems, ConsumerLagSchema, DeadLetterEntrySchema, MemberWithKeysSchema, RejectionTallySchema, ServiceHealthSchema } from './openapi/console.schemas.js';
import type { ConsumerLag, MemberWithKeys, ServiceHealth } from './operations-views.js';

const TIMEOUT_MS = 2_000;
const DAY_MS = 86_400_000;
/** The bulk loads the page lists: the latest of every member's, far more than are ever open at once (10 a member). */
const BULK_LOAD_LIMIT = 200;
/** The most dead letters one look reads: a bad day's worth, which the page shows newest first. */
const DEAD_LETTER_LIMIT = 1_000;

/**
 * Operations (issue 24): each service's readiness (/health/ready), each consumer group's lag per
 * partition as the services report it at /metrics (hub_consumer_lag_records), the rejected records
 * per member and the dead letters (where from and why, never their values), and the members with
 * their API keys (ids and dates, never a secret), and the members' bulk loads (while one is open or
 * unjudged, the crosscheck holds new findings back). The services are asked in parallel, briefly.
 * Replaying is the member's own act, with its own key (the gateway's POST /v1/rejections/{id}/replay):
 * a replay publishes in the member's name, which the console may not.
 */
@Controller('api/operations')
@ApiTags('operations')
@ApiCookieAuth('session')
export class OperationsController {
  private readonly services: [string, string][];

  constructor(
    @Inject(ConsoleEnvironment) private readonly env: ConsoleEnvironment,
    private readonly members: MemberDirectory,
    @Inject(REJECTION_TALLY_REPOSITORY) private readonly rejections: RejectionTallyRepository,
    @Inject(BULK_LOAD_REPOSITORY) private readonly bulkLoads: BulkLoadRepository,
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

  @Get('rejections')
  @ConsoleRoute('read-operations')
  @ApiOperation({ summary: 'Rejected records per member and event type: how many, how many await a replay, the latest (counts only, never the records)' })
  @ApiOkResponse({ type: [RejectionTallySchema] })
  @ApiConsoleProblems(401, 403, 503)
  rejectionTally(): Promise<RejectionTally[]> {
    return this.rejections.tally();
  }

  @Get('bulk-loads')
  @ConsoleRoute('read-operations')
  @ApiOperation({ summary: "The members' latest bulk loads, newest first: open, closed and awaiting the crosscheck, judged, or given up (the findings the crosscheck holds back wait for them)" })
  @ApiOkResponse({ type: [BulkLoadSchema] })
  @ApiConsoleProblems(401, 403, 503)
  bulkLoadList(): Promise<BulkLoad[]> {
    return this.bulkLoads.recent(BULK_LOAD_LIMIT);
  }

  @Get('dead-letters')
  @ConsoleRoute('read-operations')
  @ApiOperation({ summary: 'The dead letters of the last days, newest first: where each came from and why it failed (never its value)' })
  @ApiQuery({ name: 'days', required: false, description: 'How many days back, 1 to 31 (default 7).', schema: { type: 'integer', minimum: 1, maximum: 31 } })
  @ApiOkResponse({ type: [DeadLetterEntrySchema] })
  @ApiConsoleProblems(400, 401, 403, 503)
  async deadLetters(@Query('days') days = '7'): Promise<DeadLetterEntry[]> {
    const window = Number(days);
    if (!Number.isInteger(window) || window < 1 || window > 31) throw new HubError(ErrorCode.BadRequest, `days 须为 1 至 31 的整数 (days must be a whole number from 1 to 31, got ${days})`);
    const entries: DeadLetterEntry[] = [];
    await readTopicWindow(kafkaSettingsFrom(this.env), this.env.DEAD_LETTER_TOPIC, { since: Date.now() - window * DAY_MS, limit: DEAD_LETTER_LIMIT }, (record) => {
      const entry = deadLetterEntryOf(record);
      // An error message may quote what failed; an identity number in it is masked as everywhere operators read.
      entries.push({ ...entry, errorMessage: maskIdentityNumbers(entry.errorMessage) as string });
    });
    return entries.sort((a, b) => b.failedAt.localeCompare(a.failedAt));
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
