import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ErrorCode, HubError } from '@hub/errors';
import { GatewayContracts, SharedFacts } from '@hub/gateway';
import { type Member } from '@hub/members';
import { MemberAuthGuard } from '@hub/members';
import { CurrentMember } from '@hub/members';
import { cursor, page, pageSize } from './paging.js';
import { ReadAccess } from './read-access.js';

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
  ) {}

  @Get()
  async list(@CurrentMember() member: Member, @Query('after') after?: string, @Query('limit') limit?: string, @Query('type') type?: string, @Query('member') of?: string) {
    const size = pageSize(limit);
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
    return page(items, size, (fact) => fact.sequence);
  }
}
