import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { ConsoleUser } from '@hub/console-users';
import { ErrorCode, HubError } from '@hub/errors';
import { FindingDelivery, FindingResponses, FindingReveals, type DeliveredFinding, type FindingFilter } from '@hub/gateway';
import { MemberDirectory, type Member } from '@hub/members';
import { cursor, page, pageSize } from '@hub/platform';
import { ConsoleRoute, SignedInUser } from './console-route.decorator.js';
import { findingsCsv } from './findings-csv.js';

const STATES = ['open', 'closed'] as const;
const FINDING_ID = /^[0-9a-f]{64}$/;
/** The most findings one export holds: a county's year, with room. */
const EXPORT_LIMIT = 20_000;

interface FindingQuery {
  after?: string;
  limit?: string;
  state?: string;
  rule?: string;
  period?: string;
  member?: string;
}

function filterOf(query: FindingQuery, limit: number): FindingFilter {
  const { after, state, rule, period } = query;
  if (state !== undefined && state !== '' && !(STATES as readonly string[]).includes(state))
    throw new HubError(ErrorCode.BadRequest, `state 只能是 open 或 closed (state must be one of ${STATES.join(', ')})`);
  return {
    limit,
    ...(cursor(after || undefined) ? { after: after! } : {}),
    ...(state ? { state: state as (typeof STATES)[number] } : {}),
    ...(rule ? { rule } : {}),
    ...(period ? { period } : {}),
  };
}

/**
 * The findings inbox (issue 24): a department's people read the findings routed to their member,
 * in its own record keys, respond to them and, where the rule grants it, learn who one is about;
 * the auditor searches every member's. The same use cases as the gateway's /v1/findings.
 */
@Controller('api/findings')
export class FindingsController {
  constructor(
    private readonly findings: FindingDelivery,
    private readonly responses: FindingResponses,
    private readonly reveals: FindingReveals,
    private readonly members: MemberDirectory,
  ) {}

  @Get()
  @ConsoleRoute('read-own-findings')
  async own(@SignedInUser() user: ConsoleUser, @Query() query: FindingQuery) {
    const size = pageSize(query.limit);
    return page(await this.findings.list(user.member, filterOf(query, size)), size, (finding) => finding.sequence);
  }

  /** The current view as CSV (UTF-8 with a byte order mark, so a spreadsheet opens the Chinese as it is). */
  @Get('export.csv')
  @ConsoleRoute('read-own-findings')
  async export(@SignedInUser() user: ConsoleUser, @Query() query: FindingQuery, @Res() response: Response): Promise<void> {
    const findings = await this.findings.list(user.member, filterOf({ ...query, after: undefined }, EXPORT_LIMIT));
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="findings-${user.member}.csv"`);
    response.send(findingsCsv(findings));
  }

  /** Every member's findings, or one member's: the audit office's search. */
  @Get('all')
  @ConsoleRoute('search-all-findings')
  async all(@Query() query: FindingQuery) {
    const size = pageSize(query.limit);
    return page(await this.findings.list(query.member || undefined, filterOf(query, size)), size, (finding) => finding.sequence);
  }

  @Post(':id/responses')
  @HttpCode(202)
  @ConsoleRoute('respond-to-finding')
  async respond(@SignedInUser() user: ConsoleUser, @Param('id') findingId: string, @Body() body: { response?: unknown; reason?: unknown } | undefined) {
    await this.ownFinding(user, findingId);
    return this.responses.record(user.member, findingId, { response: body?.response, ...(body?.reason ? { reason: body.reason } : {}), respondedBy: user.username });
  }

  @Post(':id/reveal')
  @HttpCode(200)
  @ConsoleRoute('reveal-identity', { logsItself: true })
  async reveal(@SignedInUser() user: ConsoleUser, @Param('id') findingId: string, @Body() body: { purpose?: unknown } | undefined) {
    return this.reveals.reveal(await this.member(user), findingId, body?.purpose, user.username);
  }

  private async ownFinding(user: ConsoleUser, findingId: string): Promise<DeliveredFinding> {
    const finding = FINDING_ID.test(findingId) ? await this.findings.find(user.member, findingId) : undefined;
    // Another member's finding is answered as one that does not exist, so ids cannot be probed.
    if (!finding) throw new HubError(ErrorCode.NotFound, `${user.member} 没有此问题线索 (has no finding ${findingId})`);
    return finding;
  }

  private async member(user: ConsoleUser): Promise<Member> {
    const member = await this.members.get(user.member);
    if (!member) throw new HubError(ErrorCode.Forbidden, `成员 ${user.member} 已不在成员目录中 (the member is no longer in the directory)`);
    return member;
  }
}
