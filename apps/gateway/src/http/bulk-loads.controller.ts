import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery } from '@nestjs/swagger';
import { BulkLoadListSchema, BulkLoadSchema, BulkLoads, MAX_OPEN_LOADS } from '@hub/gateway';
import { AccessLog, CurrentMember, MemberAuthGuard, type Member } from '@hub/members';
import { pageSize } from '@hub/platform';
import { ApiMemberAuth } from './openapi/member-auth.docs.js';
import { ApiProblems } from './openapi/problem.schema.js';

const LOAD_ID = ApiParam({ name: 'id', description: 'The load, as opening it named it.', schema: { type: 'string', format: 'uuid' } });

/**
 * A member's bulk loads (issue 25). A department about to send a large body of records (its whole
 * history, a month's reconciliation) opens a load, sends its batches as usual, and closes the load
 * when every batch was accepted. Until the crosscheck has judged the whole load, findings it raises
 * are held back, so the department is told what holds once the load is complete.
 */
@Controller('v1/bulk-loads')
@UseGuards(MemberAuthGuard)
@ApiMemberAuth()
export class BulkLoadsController {
  constructor(
    private readonly loads: BulkLoads,
    private readonly accessLog: AccessLog,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: `Open a bulk load before sending a large body of records (at most ${MAX_OPEN_LOADS} open at once)` })
  @ApiCreatedResponse({ description: 'The load, open.', type: BulkLoadSchema })
  @ApiProblems(401, 409, 503)
  async open(@CurrentMember() member: Member) {
    const load = await this.loads.open(member.id);
    await this.accessLog.write({ member: member.id, action: 'open-bulk-load', resource: load.loadId, allowed: true, reason: 'a member opens its own load' }, 'http');
    return load;
  }

  @Post(':id/close')
  @HttpCode(200)
  @LOAD_ID
  @ApiOperation({ summary: 'Close a bulk load once every batch of it was accepted (again: the load as it was closed)' })
  @ApiOkResponse({ description: 'The load, closed, with where it ends on each partition.', type: BulkLoadSchema })
  @ApiProblems(401, 404, 503)
  async close(@CurrentMember() member: Member, @Param('id') id: string) {
    const load = await this.loads.close(member.id, id);
    await this.accessLog.write({ member: member.id, action: 'close-bulk-load', resource: load.loadId, allowed: true, reason: 'a member closes its own load' }, 'http');
    return load;
  }

  @Get()
  @ApiOperation({ summary: "The member's bulk loads, newest first" })
  @ApiQuery({ name: 'limit', required: false, description: 'How many (1–1000, default 100).', schema: { type: 'integer', minimum: 1, maximum: 1000 } })
  @ApiOkResponse({ description: "The member's loads.", type: BulkLoadListSchema })
  @ApiProblems(400, 401, 503)
  async list(@CurrentMember() member: Member, @Query('limit') limit?: string) {
    const items = await this.loads.list(member.id, pageSize(limit));
    await this.accessLog.write({ member: member.id, action: 'read-bulk-loads', resource: member.id, allowed: true, reason: 'a member reads its own loads' }, 'http', items.length);
    return { items };
  }

  @Get(':id')
  @LOAD_ID
  @ApiOperation({ summary: 'One of the member’s bulk loads' })
  @ApiOkResponse({ description: 'The load.', type: BulkLoadSchema })
  @ApiProblems(401, 404, 503)
  async get(@CurrentMember() member: Member, @Param('id') id: string) {
    const load = await this.loads.get(member.id, id);
    await this.accessLog.write({ member: member.id, action: 'read-bulk-loads', resource: load.loadId, allowed: true, reason: 'a member reads its own load' }, 'http', 1);
    return load;
  }
}
