import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { sharingRulesOf } from '@hub/access';
import { ContractRegistry } from '@hub/contract-registry';
import { ErrorCode, HubError } from '@hub/errors';
import { ConsoleRoute } from './console-route.decorator.js';
import { ApiConsoleProblems, CandidateSchemaRequest, CompatibilityReportSchema, ContractDetailSchema, ContractSummarySchema } from './openapi/console.schemas.js';

const SUBJECT = ApiParam({ name: 'subject', description: 'The registry subject, e.g. education.student-aid.granted.v1-value.' });

/** The most characters of a candidate schema the console checks (a contract is a few kilobytes). */
const MAX_CANDIDATE = 256 * 1024;

/**
 * The data catalogue (公共数据共享目录, issue 24): every contract with its owner, topic, versions,
 * lifecycle and classified fields, who may read which fields for what purpose, and a candidate
 * version checked for compatibility, all by the registry's own library on its tables. The console
 * registers nothing: that stays behind the registry's door.
 */
@Controller('api/catalogue')
@ApiTags('catalogue')
@ApiCookieAuth('session')
export class CatalogueController {
  constructor(private readonly registry: ContractRegistry) {}

  @Get()
  @ConsoleRoute('read-catalogue')
  @ApiOperation({ summary: 'Every contract: owner, topic, latest version, lifecycle, classified fields' })
  @ApiOkResponse({ type: [ContractSummarySchema] })
  @ApiConsoleProblems(401, 403, 503)
  contracts() {
    return this.registry.contracts();
  }

  @Get(':subject')
  @ConsoleRoute('read-catalogue')
  @ApiOperation({ summary: 'One contract in full: its versions, its sharing rules and its latest schema' })
  @SUBJECT
  @ApiOkResponse({ type: ContractDetailSchema })
  @ApiConsoleProblems(401, 403, 404, 503)
  async contract(@Param('subject') subject: string) {
    const summary = await this.registry.contract(subject);
    const latest = await this.registry.version(subject, 'latest');
    return { ...summary, versions: await this.registry.versionNumbers(subject), sharing: sharingRulesOf(latest.schema), schema: latest.schema };
  }

  /** Whether a candidate could be registered as the subject's next version, each incompatibility explained with what would be compatible instead. */
  @Post(':subject/check')
  @HttpCode(200)
  @ConsoleRoute('check-contract')
  @ApiOperation({ summary: "A candidate checked as the subject's next version, under its compatibility mode; nothing is registered" })
  @SUBJECT
  @ApiHeader({ name: 'X-CSRF-Token', required: true, description: "The session's csrfToken." })
  @ApiBody({ type: CandidateSchemaRequest })
  @ApiOkResponse({ type: CompatibilityReportSchema })
  @ApiConsoleProblems(400, 401, 403, 404, 413, 503)
  check(@Param('subject') subject: string, @Body() body: { schema?: unknown } | undefined) {
    const schema = body?.schema;
    if (typeof schema !== 'string' || schema.trim().length === 0) throw new HubError(ErrorCode.BadRequest, '请粘贴或上传候选模式 (schema must be the candidate JSON Schema, as text)');
    if (schema.length > MAX_CANDIDATE) throw new HubError(ErrorCode.PayloadTooLarge, `候选模式过大 (the candidate is over ${MAX_CANDIDATE} characters)`);
    return this.registry.checkCompatibility(subject, 'latest', schema, 'JSON');
  }
}
