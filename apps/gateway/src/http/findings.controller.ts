import { Controller, Get, HttpCode, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { ErrorCode, HubError } from '@hub/errors';
import {
  FindingDelivery,
  FindingResponses,
  FindingReveals,
  type FindingResponseRequest,
  FindingPageSchema,
  FindingResponseSchema,
  FindingRevealSchema,
  RecordedFindingResponseSchema,
  RESPONSE_FILTERS,
  RevealRequestSchema,
} from '@hub/gateway';
import { AccessLog, CurrentMember, MemberAuthGuard, type AuthenticatedRequest, type Member } from '@hub/members';
import { cursor, page, pageSize, ApiPaging } from '@hub/platform';
import { readJsonBody } from './read-request-body.js';
import { ReadAccess } from './read-access.js';
import { ApiMemberAuth } from './openapi/member-auth.docs.js';
import { ApiProblems } from './openapi/problem.schema.js';

const STATES = ['open', 'closed'] as const;
const RESPONSES = RESPONSE_FILTERS;
const FINDING_ID = ApiParam({ name: 'id', description: 'The finding id.', schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } });

/** A department's findings, in its own record keys, as a change feed (cursor = sequence); and its responses to them. */
@Controller('v1/findings')
@UseGuards(MemberAuthGuard)
@ApiMemberAuth()
export class FindingsController {
  constructor(
    private readonly findings: FindingDelivery,
    private readonly responses: FindingResponses,
    private readonly reveals: FindingReveals,
    private readonly readAccess: ReadAccess,
    private readonly accessLog: AccessLog,
  ) {}

  @Get()
  @ApiOperation({ summary: "The member's findings in change order (a change feed), in its own record keys" })
  @ApiPaging()
  @ApiQuery({ name: 'state', required: false, enum: STATES })
  @ApiQuery({ name: 'rule', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'period', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'response', required: false, description: "The member's last response, or none for a finding not yet answered.", enum: RESPONSES })
  @ApiQuery({ name: 'county', required: false, description: 'A county-level division (GB/T 2260).', schema: { type: 'string', pattern: '^[1-8][0-9]{5}$' } })
  @ApiOkResponse({ description: 'A page of findings.', type: FindingPageSchema })
  @ApiProblems(400, 401, 403, 503)
  async list(
    @CurrentMember() member: Member,
    @Query('after') after?: string,
    @Query('limit') limit?: string,
    @Query('state') state?: string,
    @Query('rule') rule?: string,
    @Query('period') period?: string,
    @Query('member') of?: string,
    @Query('county') county?: string,
    @Query('response') response?: string,
  ) {
    const size = pageSize(limit);
    if (state !== undefined && !(STATES as readonly string[]).includes(state)) throw new HubError(ErrorCode.BadRequest, `state must be one of ${STATES.join(', ')}`);
    if (response !== undefined && !(RESPONSES as readonly string[]).includes(response)) throw new HubError(ErrorCode.BadRequest, `response must be one of ${RESPONSES.join(', ')}`);
    if (county !== undefined && !/^[1-8][0-9]{5}$/.test(county)) throw new HubError(ErrorCode.BadRequest, `county must be a GB/T 2260 county-level code, 6 digits (got ${county})`);
    const items = await this.readAccess.read(
      member,
      'read-findings',
      of,
      (target) =>
        this.findings.list(target, {
          limit: size,
          ...(cursor(after) ? { after: after! } : {}),
          ...(state ? { state: state as (typeof STATES)[number] } : {}),
          ...(rule ? { rule } : {}),
          ...(period ? { period } : {}),
          ...(county ? { county } : {}),
          ...(response ? { response: response as (typeof RESPONSES)[number] } : {}),
        }),
      (finding) => finding.findingId,
    );
    return page(items, size, (finding) => finding.sequence);
  }

  @Post(':id/responses')
  @HttpCode(202)
  @ApiOperation({ summary: "Respond to one of the member's findings: acknowledged, resolved, or disputed with a reason" })
  @FINDING_ID
  @ApiBody({ type: FindingResponseSchema })
  @ApiResponse({ status: 202, description: 'Recorded as a hub.finding-response.recorded.v1 event.', type: RecordedFindingResponseSchema })
  @ApiProblems(400, 401, 404, 503)
  async respond(@CurrentMember() member: Member, @Param('id') findingId: string, @Req() request: AuthenticatedRequest) {
    const routedTo = /^[0-9a-f]{64}$/.test(findingId) ? await this.findings.routedTo(findingId) : undefined;
    if (routedTo !== member.id) throw new HubError(ErrorCode.NotFound, `${member.id} has no finding ${findingId}`);
    const body = (await readJsonBody(request, 64 * 1024, 'response')) as FindingResponseRequest;
    const recorded = await this.responses.record(member.id, findingId, body);
    // A refusal (another member's finding, a bad body) is logged by the exception filter.
    await this.accessLog.write({ member: member.id, action: 'respond', resource: findingId, allowed: true, reason: `routed to ${member.id}` }, 'http');
    return recorded;
  }

  /** Who the finding is about (identity number and name), for the purpose the policy grants; logged with the purpose stated. */
  @Post(':id/reveal')
  @HttpCode(200)
  @ApiOperation({
    summary: "Who one of the member's open findings is about (identity number and name), where the policy grants it for the finding's rule",
    description:
      "Entitled re-identification: only the member the finding is routed to, only while it is open, only when its rule grants a reveal (the finding carries `reveal.purpose`). The decision, with the purpose stated, is written to the access log before the answer. Another member's finding is 404; a closed one, or one whose rule grants none, 403.",
  })
  @FINDING_ID
  @ApiBody({ type: RevealRequestSchema })
  @ApiOkResponse({ description: 'The subject.', type: FindingRevealSchema })
  @ApiProblems(400, 401, 403, 404, 503)
  async reveal(@CurrentMember() member: Member, @Param('id') findingId: string, @Req() request: AuthenticatedRequest) {
    const body = (await readJsonBody(request, 4 * 1024, 'reveal request')) as { purpose?: unknown } | null;
    return this.reveals.reveal(member, findingId, body?.purpose);
  }
}
