import { Controller, Get, Param, Put, Req, UseGuards } from '@nestjs/common';
import { ErrorCode, HubError } from '@hub/errors';
import { CsvMappingStore, GatewayContracts } from '@hub/gateway';
import { type Member } from '@hub/members';
import { csvMappingProblems, type CsvMapping } from '@hub/ingest';
import { MemberAuthGuard } from '@hub/members';
import type { AuthenticatedRequest } from '@hub/members';
import { CurrentMember } from '@hub/members';
import { readJsonBody } from './read-request-body.js';

const MAPPING_LIMIT_BYTES = 64 * 1024;

/** A member declares how its CSV export of an event type maps onto the contract, once; its CSV submissions use it. */
@Controller('v1/csv-mappings')
@UseGuards(MemberAuthGuard)
export class CsvMappingsController {
  constructor(
    private readonly mappings: CsvMappingStore,
    private readonly contracts: GatewayContracts,
  ) {}

  @Put(':type')
  async declare(@CurrentMember() member: Member, @Param('type') type: string, @Req() request: AuthenticatedRequest) {
    const contract = this.contracts.forType(type);
    if (!contract) throw new HubError(ErrorCode.NotFound, `"${type}" is not an event type the hub accepts`);
    if (contract.binding.owner !== member.id) throw new HubError(ErrorCode.Forbidden, `${type} belongs to ${contract.binding.owner}; ${member.id} may not publish it`);
    const mapping = await readJsonBody(request, MAPPING_LIMIT_BYTES, 'mapping');
    const problems = csvMappingProblems(mapping, contract.schema);
    if (problems.length > 0) throw new HubError(ErrorCode.BadRequest, `the mapping cannot be used: ${problems.join('; ')}`, { context: { problems } });
    await this.mappings.put(member.id, type, mapping as CsvMapping);
    return { eventType: type, mapping };
  }

  @Get()
  async list(@CurrentMember() member: Member) {
    return { mappings: await this.mappings.list(member.id) };
  }
}
