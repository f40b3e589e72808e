import { Controller, Get, Inject, Param, Put, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ErrorCode, HubError } from '@hub/errors';
import { CSV_MAPPING_REPOSITORY, GatewayContracts, type CsvMappingRepository } from '@hub/gateway';
import { csvMappingProblems, type CsvMapping } from '@hub/ingest';
import { AccessLog, CurrentMember, MemberAuthGuard, type AuthenticatedRequest, type Member } from '@hub/members';
import { readJsonBody } from './read-request-body.js';
import { ApiMemberAuth } from './openapi/member-auth.docs.js';
import { ApiProblems } from './openapi/problem.schema.js';
import { CsvMappingSchema, CsvMappingsSchema, DeclaredCsvMappingSchema } from './openapi/publish.schemas.js';

const MAPPING_LIMIT_BYTES = 64 * 1024;

/** A member declares how its CSV export of an event type maps onto the contract, once; its CSV submissions use it. */
@Controller('v1/csv-mappings')
@UseGuards(MemberAuthGuard)
@ApiMemberAuth()
export class CsvMappingsController {
  constructor(
    @Inject(CSV_MAPPING_REPOSITORY) private readonly mappings: CsvMappingRepository,
    private readonly contracts: GatewayContracts,
    private readonly accessLog: AccessLog,
  ) {}

  @Put(':type')
  @ApiOperation({ summary: "Declare how the member's CSV export of an event type maps onto its contract" })
  @ApiBody({ type: CsvMappingSchema })
  @ApiOkResponse({ description: 'The mapping is stored.', type: DeclaredCsvMappingSchema })
  @ApiProblems(400, 401, 403, 404, 503)
  async declare(@CurrentMember() member: Member, @Param('type') type: string, @Req() request: AuthenticatedRequest) {
    const contract = this.contracts.forType(type);
    if (!contract) throw new HubError(ErrorCode.NotFound, `"${type}" is not an event type the hub accepts`);
    if (contract.binding.owner !== member.id) throw new HubError(ErrorCode.Forbidden, `${type} belongs to ${contract.binding.owner}; ${member.id} may not publish it`);
    const mapping = await readJsonBody(request, MAPPING_LIMIT_BYTES, 'mapping');
    const problems = csvMappingProblems(mapping, contract.schema);
    if (problems.length > 0) throw new HubError(ErrorCode.BadRequest, `the mapping cannot be used: ${problems.join('; ')}`, { context: { problems } });
    await this.mappings.put(member.id, type, mapping as CsvMapping);
    await this.accessLog.write({ member: member.id, action: 'map-csv', resource: type, allowed: true, reason: `${member.id} owns ${type}` }, 'http');
    return { eventType: type, mapping };
  }

  @Get()
  @ApiOperation({ summary: "The member's declared CSV mappings" })
  @ApiOkResponse({ description: 'Mappings by event type.', type: CsvMappingsSchema })
  @ApiProblems(401)
  async list(@CurrentMember() member: Member) {
    const mappings = await this.mappings.list(member.id);
    await this.accessLog.write({ member: member.id, action: 'read-csv-mappings', resource: member.id, allowed: true, reason: 'a member reads its own mappings' }, 'http', mappings.length);
    return { mappings };
  }
}
