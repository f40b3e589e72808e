import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { RateLimiter } from '@hub/access';
import { ErrorCode, HubError } from '@hub/errors';
import { GatewayContracts, SharedFacts } from '@hub/gateway';
import { type Member } from '@hub/members';
import { MemberAuthGuard } from '@hub/members';
import { CurrentMember } from '@hub/members';
import { GatewayEnvironment } from '../gateway-environment.js';
import { cursor, page, pageSize } from './paging.js';
import { ReadAccess } from './read-access.js';
import { refuseOverRate } from './refuse-over-rate.js';

/**
 * The shared facts a member is entitled to: what other departments' events say about the persons
 * it knows, in its own record keys, with the fields the contracts' sharing rules grant it.
 */
@Controller('v1/facts')
@UseGuards(MemberAuthGuard)
export class SharedFactsController {
  constructor(
    private readonly facts: SharedFacts,
    private readonly contracts: GatewayContracts,
    private readonly readAccess: ReadAccess,
    private readonly rateLimiter: RateLimiter,
    @Inject(GatewayEnvironment) private readonly env: GatewayEnvironment,
  ) {}

  @Get()
  async list(@CurrentMember() member: Member, @Query('after') after?: string, @Query('limit') limit?: string, @Query('type') type?: string, @Query('member') of?: string) {
    const size = pageSize(limit);
    // Facts served are counted against the member's own bucket, apart from its publishing rate.
    const bucket = `${member.id}/facts`;
    const limitText = `be served ${this.env.FACTS_PER_SECOND} shared facts per second`;
    refuseOverRate(member, this.rateLimiter.check(bucket, this.env.FACTS_PER_SECOND, Date.now()), limitText);
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
    this.rateLimiter.spend(bucket, this.env.FACTS_PER_SECOND, items.length, Date.now());
    return page(items, size, (fact) => fact.sequence);
  }

  /**
   * For auditors: the persons whose facts a member (`?member=`, or every member) read with no
   * finding routed to it and no record of them beyond one: look-ups through made-up records.
   */
  @Get('unjustified-reads')
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
