import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ConsoleUser } from '@hub/console-users';
import { ErrorCode, HubError } from '@hub/errors';
import { FindingDelivery, FindingResponses, FindingReveals, FindingRevealSchema, RecordedFindingResponseSchema, RESPONSE_FILTERS, RevealRequestSchema, type FindingFilter } from '@hub/gateway';
import { MemberDirectory, type Member } from '@hub/members';
import { ApiPaging, cursor, page, pageSize } from '@hub/platform';
import { ConsoleRoute, SignedInUser } from './console-route.decorator.js';
import { findingsCsv, findingsXlsx } from './findings-export.js';
import { ApiConsoleProblems, ConsoleFindingPageSchema, ConsoleFindingResponseSchema, RoutedFindingPageSchema } from './openapi/console.schemas.js';

const STATES = ['open', 'closed'] as const;
const RESPONSES = RESPONSE_FILTERS;

const FILTERS = applyDecorators(
  ApiQuery({ name: 'state', required: false, enum: ['open', 'closed'] }),
  ApiQuery({ name: 'rule', required: false, schema: { type: 'string' } }),
  ApiQuery({ name: 'period', required: false, schema: { type: 'string' } }),
  ApiQuery({ name: 'county', required: false, description: 'A county-level division (GB/T 2260).', schema: { type: 'string', pattern: '^[1-8][0-9]{5}$' } }),
  ApiQuery({ name: 'response', required: false, description: 'The member’s last response, or none for a finding not yet answered.', enum: RESPONSES }),
);
const ID = ApiParam({ name: 'id', description: 'The finding id.', schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } });
const CSRF = ApiHeader({ name: 'X-CSRF-Token', required: true, description: "The session's csrfToken." });

const FINDING_ID = /^[0-9a-f]{64}$/;
/** The most findings one export holds: a county's year, with room. */
const EXPORT_LIMIT = 20_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface FindingQuery {
  after?: string;
  limit?: string;
  state?: string;
  rule?: string;
  period?: string;
  county?: string;
  response?: string;
  member?: string;
}

function filterOf(query: FindingQuery, limit: number): FindingFilter {
  const { after, state, rule, period, county, response } = query;
  if (state !== undefined && state !== '' && !(STATES as readonly string[]).includes(state))
    throw new HubError(ErrorCode.BadRequest, `state 只能是 open 或 closed (state must be one of ${STATES.join(', ')})`);
  if (response !== undefined && response !== '' && !(RESPONSES as readonly string[]).includes(response))
    throw new HubError(ErrorCode.BadRequest, `response 只能是 ${RESPONSES.join('、')} (response must be one of ${RESPONSES.join(', ')})`);
  if (county !== undefined && county !== '' && !/^[1-8][0-9]{5}$/.test(county))
    throw new HubError(ErrorCode.BadRequest, `county 须为 6 位县级行政区划代码 (county must be a GB/T 2260 county code, 6 digits, got ${county})`);
  return {
    limit,
    ...(cursor(after || undefined) ? { after: after! } : {}),
    ...(state ? { state: state as (typeof STATES)[number] } : {}),
    ...(rule ? { rule } : {}),
    ...(period ? { period } : {}),
    ...(county ? { county } : {}),
    ...(response ? { response: response as (typeof RESPONSES)[number] } : {}),
  };
}

/**
 * The findings inbox (issue 24): a department's people read the findings routed to their member,
 * in its own record keys, respond to them and, where the rule grants it, learn who one is about;
 * the auditor searches every member's. The same use cases as the gateway's /v1/findings.
 */
@Controller('api/findings')
@ApiTags('findings')
@ApiCookieAuth('session')
export class FindingsController {
  constructor(
    private readonly findings: FindingDelivery,
    private readonly responses: FindingResponses,
    private readonly reveals: FindingReveals,
    private readonly members: MemberDirectory,
  ) {}

  @Get()
  @ConsoleRoute('read-own-findings')
  @ApiOperation({ summary: "The findings routed to the user's member, in its own record keys, in change order" })
  @ApiPaging('Not read here: a department’s people see their own member’s findings.')
  @FILTERS
  @ApiOkResponse({ type: ConsoleFindingPageSchema })
  @ApiConsoleProblems(400, 401, 403, 503)
  async own(@SignedInUser() user: ConsoleUser, @Query() query: FindingQuery) {
    const size = pageSize(query.limit);
    return page(await this.findings.list(user.member, filterOf(query, size)), size, (finding) => finding.sequence);
  }

  /** The current view as CSV (UTF-8 with a byte order mark, so a spreadsheet opens the Chinese as it is). */
  @Get('export.csv')
  @ConsoleRoute('read-own-findings')
  @ApiOperation({ summary: 'The current view (the same filters) as CSV, UTF-8 with a byte order mark' })
  @FILTERS
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'One row per finding; headings in Chinese and English.', schema: { type: 'string' } })
  @ApiConsoleProblems(400, 401, 403, 503)
  async exportCsv(@SignedInUser() user: ConsoleUser, @Query() query: FindingQuery, @Res() response: Response): Promise<void> {
    const findings = await this.exported(user, query);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="findings-${user.member}.csv"`);
    response.send(findingsCsv(findings));
  }

  /** The current view as an Excel workbook: the same rows as the CSV, every cell a string. */
  @Get('export.xlsx')
  @ConsoleRoute('read-own-findings')
  @ApiOperation({ summary: 'The current view (the same filters) as an Excel workbook (.xlsx)' })
  @FILTERS
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'One sheet, 问题线索: a row per finding, headings in Chinese and English.', schema: { type: 'string', format: 'binary' } })
  @ApiConsoleProblems(400, 401, 403, 503)
  async exportXlsx(@SignedInUser() user: ConsoleUser, @Query() query: FindingQuery, @Res() response: Response): Promise<void> {
    const workbook = await findingsXlsx(await this.exported(user, query));
    response.setHeader('Content-Type', XLSX);
    response.setHeader('Content-Disposition', `attachment; filename="findings-${user.member}.xlsx"`);
    response.send(workbook);
  }

  private exported(user: ConsoleUser, query: FindingQuery) {
    return this.findings.list(user.member, filterOf({ ...query, after: undefined }, EXPORT_LIMIT));
  }

  /** Every member's findings, or one member's: the audit office's search. */
  @Get('all')
  @ConsoleRoute('search-all-findings')
  @ApiOperation({ summary: "The audit office's search: every member's findings, or one member's" })
  @ApiPaging('Whose findings (unset: every member’s).')
  @FILTERS
  @ApiOkResponse({ type: RoutedFindingPageSchema })
  @ApiConsoleProblems(400, 401, 403, 503)
  async all(@Query() query: FindingQuery) {
    const size = pageSize(query.limit);
    return page(await this.findings.list(query.member || undefined, filterOf(query, size)), size, (finding) => finding.sequence);
  }

  @Post(':id/responses')
  @HttpCode(202)
  @ConsoleRoute('respond-to-finding')
  @ApiOperation({ summary: 'Acknowledge, resolve or dispute one of the member’s findings, as the signed-in user' })
  @ID
  @CSRF
  @ApiBody({ type: ConsoleFindingResponseSchema })
  @ApiResponse({ status: 202, description: 'Recorded as a hub.finding-response.recorded.v1 event; the finding carries it once the cross-check has taken it.', type: RecordedFindingResponseSchema })
  @ApiConsoleProblems(400, 401, 403, 404, 503)
  async respond(@SignedInUser() user: ConsoleUser, @Param('id') findingId: string, @Body() body: { response?: unknown; reason?: unknown } | undefined) {
    await this.ownFinding(user, findingId);
    return this.responses.record(user.member, findingId, { response: body?.response, ...(body?.reason ? { reason: body.reason } : {}), respondedBy: user.username });
  }

  @Post(':id/reveal')
  @HttpCode(200)
  @ConsoleRoute('reveal-identity', { logsItself: true })
  @ApiOperation({ summary: 'Who one of the member’s open findings is about, where its rule grants it; the purpose is written to the access log with the user' })
  @ID
  @CSRF
  @ApiBody({ type: RevealRequestSchema })
  @ApiOkResponse({ type: FindingRevealSchema })
  @ApiConsoleProblems(400, 401, 403, 404, 503)
  async reveal(@SignedInUser() user: ConsoleUser, @Param('id') findingId: string, @Body() body: { purpose?: unknown } | undefined) {
    return this.reveals.reveal(await this.member(user), findingId, body?.purpose, user.username);
  }

  /** Whose the finding is, without opening its record keys (as the gateway's respond does). */
  private async ownFinding(user: ConsoleUser, findingId: string): Promise<void> {
    const routedTo = FINDING_ID.test(findingId) ? await this.findings.routedTo(findingId) : undefined;
    // Another member's finding is answered as one that does not exist, so ids cannot be probed.
    if (routedTo !== user.member) throw new HubError(ErrorCode.NotFound, `${user.member} 没有此问题线索 (has no finding ${findingId})`);
  }

  private async member(user: ConsoleUser): Promise<Member> {
    const member = await this.members.get(user.member);
    if (!member) throw new HubError(ErrorCode.Forbidden, `成员 ${user.member} 已不在成员目录中 (the member is no longer in the directory)`);
    return member;
  }
}
