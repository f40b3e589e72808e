import { Controller, Get, HttpCode, Inject, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import { ErrorCode, HubError } from '@hub/errors';
import { INGEST_LEDGER, PublishService, RATE_BUCKET_REPOSITORY, type IngestLedger, type RateBucketRepository } from '@hub/gateway';
import { type Member } from '@hub/members';
import { entryFromValue } from '@hub/ingest';
import { maskIdentityNumbers } from '@hub/privacy';
import { MemberAuthGuard } from '@hub/members';
import { CurrentMember } from '@hub/members';
import { refuseOverRate } from './refuse-over-rate.js';
import { cursor, page, pageSize, ApiPaging } from '@hub/platform';
import { ReadAccess } from './read-access.js';
import { ApiMemberAuth } from './openapi/member-auth.docs.js';
import { ApiProblems } from './openapi/problem.schema.js';
import { PublishOutcomeSchema } from './openapi/publish.schemas.js';
import { RejectionPageSchema } from './openapi/rejection.schemas.js';

/** A member's rejected records: listed with their problems (identity numbers masked), and replayed once fixed upstream (e.g. a contract change). */
@Controller('v1/rejections')
@UseGuards(MemberAuthGuard)
@ApiMemberAuth()
export class RejectionsController {
  constructor(
    @Inject(RATE_BUCKET_REPOSITORY) private readonly rates: RateBucketRepository,
    @Inject(INGEST_LEDGER) private readonly ledger: IngestLedger,
    private readonly publisher: PublishService,
    private readonly readAccess: ReadAccess,
  ) {}

  @Get()
  @ApiOperation({ summary: "The member's rejected records, oldest first, with their problems (identity numbers masked)" })
  @ApiPaging()
  @ApiQuery({ name: 'type', required: false, description: 'One event type.', schema: { type: 'string' } })
  @ApiOkResponse({ description: 'A page of rejections.', type: RejectionPageSchema })
  @ApiProblems(400, 401, 403, 503)
  async list(@CurrentMember() member: Member, @Query('after') after?: string, @Query('limit') limit?: string, @Query('type') type?: string, @Query('member') of?: string) {
    const size = pageSize(limit);
    const load = async (target: string | undefined) => {
      if (!target) throw new HubError(ErrorCode.BadRequest, 'name the member whose rejections to list: ?member=<member>');
      return this.ledger.rejections(target, { limit: size, ...(cursor(after) ? { after: after! } : {}), ...(type ? { eventType: type } : {}) });
    };
    const rejections = await this.readAccess.read(member, 'read-rejections', of, load, (r) => r.rejectionId);
    return page(
      rejections.map((r) => ({ ...r, record: maskIdentityNumbers(r.record) })),
      size,
      (r) => r.rejectionId,
    );
  }

  /** Runs a rejected record through the gateway again, as it was submitted, against today's contracts. */
  @Post(':id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: "Run a rejected record through the gateway again, as submitted, against today's contracts" })
  @ApiOkResponse({ description: 'The new outcome.', type: PublishOutcomeSchema })
  @ApiProblems(401, 404, 429, 503)
  async replay(@CurrentMember() member: Member, @Param('id') id: string) {
    const rejection = /^\d{1,18}$/.test(id) ? await this.ledger.rejection(member.id, id) : undefined;
    if (!rejection) throw new HubError(ErrorCode.NotFound, `${member.id} has no rejected record ${id}`);
    // A replay is a record published: it counts against the member's rate like any other.
    refuseOverRate(member, await this.rates.apply(member.id, member.recordsPerSecond, { kind: 'take', records: 1 }));
    const outcome = await this.publisher.publish(member, [entryFromValue(0, rejection.record)], 'http');
    if (outcome.accepted + outcome.duplicates > 0) await this.ledger.markReplayed(id);
    return outcome;
  }
}
