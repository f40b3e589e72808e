import { Controller, Get, HttpCode, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ErrorCode, HubError } from '@hub/errors';
import { FindingDelivery, FindingResponses, FindingReveals, type FindingResponseRequest } from '@hub/gateway';
import { AccessLog, CurrentMember, MemberAuthGuard, type AuthenticatedRequest, type Member } from '@hub/members';
import { cursor, page, pageSize } from './paging.js';
import { readJsonBody } from './read-request-body.js';
import { ReadAccess } from './read-access.js';

const STATES = ['open', 'closed'] as const;

/** A department's findings, in its own record keys, as a change feed (cursor = sequence); and its responses to them. */
@Controller('v1/findings')
@UseGuards(MemberAuthGuard)
export class FindingsController {
  constructor(
    private readonly findings: FindingDelivery,
    private readonly responses: FindingResponses,
    private readonly reveals: FindingReveals,
    private readonly readAccess: ReadAccess,
    private readonly accessLog: AccessLog,
  ) {}

  @Get()
  async list(
    @CurrentMember() member: Member,
    @Query('after') after?: string,
    @Query('limit') limit?: string,
    @Query('state') state?: string,
    @Query('rule') rule?: string,
    @Query('period') period?: string,
    @Query('member') of?: string,
  ) {
    const size = pageSize(limit);
    if (state !== undefined && !(STATES as readonly string[]).includes(state)) throw new HubError(ErrorCode.BadRequest, `state must be one of ${STATES.join(', ')}`);
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
        }),
      (finding) => finding.findingId,
    );
    return page(items, size, (finding) => finding.sequence);
  }

  @Post(':id/responses')
  @HttpCode(202)
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
  async reveal(@CurrentMember() member: Member, @Param('id') findingId: string, @Req() request: AuthenticatedRequest) {
    const body = (await readJsonBody(request, 4 * 1024, 'reveal request')) as { purpose?: unknown } | null;
    return this.reveals.reveal(member, findingId, body?.purpose);
  }
}
