import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import { ErrorCode, HubError } from '@hub/errors';
import { GatewayContracts, RATE_BUCKET_REPOSITORY, SharedFacts, type RateBucketRepository } from '@hub/gateway';
import { type Member } from '@hub/members';
import { MemberAuthGuard } from '@hub/members';
import { CurrentMember } from '@hub/members';
import { GatewayEnvironment } from '../gateway-environment.js';
import { cursor, page, pageSize, ApiPaging } from '@hub/platform';
import { ReadAccess } from './read-access.js';
import { refuseOverRate } from './refuse-over-rate.js';
import { ApiMemberAuth } from './openapi/member-auth.docs.js';
import { ApiProblems } from './openapi/problem.schema.js';
import { SharedFactPageSchema, UnjustifiedFactReadPageSchema } from './openapi/shared-fact.schemas.js';

/**
 * The shared facts a member is entitled to: what other departments' events say about the persons
 * it knows, in its own record keys, with the fields the contracts' sharing rules grant it.
 */
@Controller('v1/facts')
@UseGuards(MemberAuthGuard)
@ApiMemberAuth()
export class SharedFactsController {
  constructor(
    private readonly facts: SharedFacts,
    private readonly contracts: GatewayContracts,
    private readonly readAccess: ReadAccess,
    @Inject(RATE_BUCKET_REPOSITORY) private readonly rates: RateBucketRepository,
    @Inject(GatewayEnvironment) private readonly env: GatewayEnvironment,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The shared facts the member is entitled to: what other departments' events say about the persons it knows, in its own record keys",
    description:
      'A fact is kept per event and person for every contract with sharing rules (x-hub-sharing). A member reads only facts about persons it has published records of, with the fields its rule grants, and the purpose the rule states.',
  })
  @ApiPaging()
  @ApiQuery({ name: 'type', required: false, description: 'One event type (403 when no rule shares it with the member).', schema: { type: 'string' } })
  @ApiOkResponse({
    description: 'A page of facts, in the order they became the member’s to read: a fact kept before the member knew the person comes after its cursor once it does.',
    type: SharedFactPageSchema,
  })
  @ApiProblems(400, 401, 403, 429, 503)
  async list(@CurrentMember() member: Member, @Query('after') after?: string, @Query('limit') limit?: string, @Query('type') type?: string, @Query('member') of?: string) {
    const size = pageSize(limit);
    // Facts served are counted against the member's own bucket, apart from its publishing rate.
    const bucket = `${member.id}/facts`;
    const limitText = `be served ${this.env.FACTS_PER_SECOND} shared facts per second`;
    refuseOverRate(member, await this.rates.apply(bucket, this.env.FACTS_PER_SECOND, { kind: 'check' }), limitText);
    const load = async (reader: string | undefined) => {
      if (!reader) throw new HubError(ErrorCode.BadRequest, 'name the member whose facts to read: ?member=<member>');
      const rules = this.contracts.sharingRulesFor(reader);
      if (type !== undefined) {
        const rule = rules.get(type);
        if (!rule) throw new HubError(ErrorCode.Forbidden, `no sharing rule lets ${reader} read facts of ${type}`);
        rules.clear();
        rules.set(type, rule);
      }
      return this.facts.list(reader, rules, { limit: size, ...(cursor(after) ? { after: after! } : {}) });
    };
    const items = await this.readAccess.read(member, 'read-facts', of, load, (fact) => `${fact.source}/${fact.eventId}`);
    await this.rates.apply(bucket, this.env.FACTS_PER_SECOND, { kind: 'spend', amount: items.length });
    return page(items, size, (fact) => fact.sequence);
  }

  /**
   * For auditors: the persons whose facts a member (`?member=`, or every member) read with no
   * finding routed to it and no record of them beyond one: look-ups through made-up records.
   */
  @Get('unjustified-reads')
  @ApiOperation({
    summary: 'For auditors: persons whose facts a member read with no finding routed to it and no more than one record of them',
    description:
      'Look-ups through made-up records: a member that published a record of a person only to read what other departments know of them. Auditors only (403 for anyone else); `member` narrows it to one member.',
  })
  @ApiPaging('One member; every member when absent.')
  @ApiOkResponse({ description: 'A page of reads, by member and person.', type: UnjustifiedFactReadPageSchema })
  @ApiProblems(400, 401, 403, 503)
  async unjustifiedReads(@CurrentMember() member: Member, @Query('after') after?: string, @Query('limit') limit?: string, @Query('member') of?: string) {
    const size = pageSize(limit);
    const items = await this.readAccess.read(
      member,
      'read-fact-reads',
      of,
      (target) => this.facts.unjustifiedReads(target, { limit: size, ...(after ? { after } : {}) }),
      (read) => `${read.member}/${read.subject}`,
    );
    return page(items, size, (read) => `${read.member}/${read.subject}`);
  }
}
