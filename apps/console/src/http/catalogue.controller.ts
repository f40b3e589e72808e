import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBody, ApiCookieAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { sharingRulesOf } from '@hub/access';
import { ContractRegistry, LIFECYCLES, TopicSampleChecker, type ContractSummary } from '@hub/contract-registry';
import { diffSchemas } from '@hub/contracts';
import { ErrorCode, HubError } from '@hub/errors';
import { ConsoleRoute } from './console-route.decorator.js';
import { RegistryForwarding } from './registry-forwarding.js';
import {
  ApiConsoleProblems,
  CandidateSchemaRequest,
  CompatibilityReportSchema,
  ContractDetailSchema,
  ContractSummarySchema,
  LifecycleChangeRequest,
  RegisteredVersionSchema,
  SampleCheckReportSchema,
  VersionDiffSchema,
} from './openapi/console.schemas.js';

const SUBJECT = ApiParam({ name: 'subject', description: 'The registry subject, e.g. education.student-aid.granted.v1-value.' });
const CSRF = ApiHeader({ name: 'X-CSRF-Token', required: true, description: "The session's csrfToken." });

/** The most characters of a candidate schema the console checks (a contract is a few kilobytes). */
const MAX_CANDIDATE = 256 * 1024;

/**
 * The data catalogue (公共数据共享目录, issue 24): every contract with its owner, topic, versions,
 * lifecycle and classified fields, who may read which fields for what purpose, what changed from
 * one version to another, and a candidate version checked for compatibility and against the
 * topic's recent traffic, all by the registry's own library on its tables. Registering a version
 * and changing a lifecycle go to the registry itself (RegistryForwarding), the one service that
 * changes contracts, which checks the person's session and decides as for their member.
 */
@Controller('api/catalogue')
@ApiTags('catalogue')
@ApiCookieAuth('session')
export class CatalogueController {
  constructor(
    private readonly registry: ContractRegistry,
    private readonly samples: TopicSampleChecker,
    private readonly forwarding: RegistryForwarding,
  ) {}

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

  /** Field by field, what changed from one registered version to another (by default the one before the latest, to the latest). */
  @Get(':subject/diff')
  @ConsoleRoute('read-catalogue')
  @ApiOperation({ summary: 'What changed from one version of the contract to another, field by field' })
  @SUBJECT
  @ApiQuery({ name: 'from', required: false, description: 'The earlier version (default: the one before the latest).', schema: { type: 'integer' } })
  @ApiQuery({ name: 'to', required: false, description: 'The later version (default: the latest).', schema: { type: 'integer' } })
  @ApiOkResponse({ type: VersionDiffSchema })
  @ApiConsoleProblems(400, 401, 403, 404, 503)
  async diff(@Param('subject') subject: string, @Query('from') from?: string, @Query('to') to?: string) {
    const versions = await this.registry.versionNumbers(subject);
    const later = versionIn(versions, to, 'to', versions.at(-1)!);
    const earlier = versionIn(versions, from, 'from', versions.filter((version) => version < later).at(-1) ?? later);
    const [before, after] = await Promise.all([this.registry.version(subject, String(earlier)), this.registry.version(subject, String(later))]);
    return { from: earlier, to: later, differences: diffSchemas(before.schema, after.schema) };
  }

  /** Whether a candidate could be registered as the subject's next version, each incompatibility explained with what would be compatible instead. */
  @Post(':subject/check')
  @HttpCode(200)
  @ConsoleRoute('check-contract')
  @ApiOperation({ summary: "A candidate checked as the subject's next version, under its compatibility mode; nothing is registered" })
  @SUBJECT
  @CSRF
  @ApiBody({ type: CandidateSchemaRequest })
  @ApiOkResponse({ type: CompatibilityReportSchema })
  @ApiConsoleProblems(400, 401, 403, 404, 413, 503)
  check(@Param('subject') subject: string, @Body() body: { schema?: unknown } | undefined) {
    return this.registry.checkCompatibility(subject, 'latest', candidateText(body), 'JSON');
  }

  /** How many of the records on the subject's topic over the last days the candidate would refuse, and why (fields and offsets, never values). */
  @Post(':subject/sample-check')
  @HttpCode(200)
  @ConsoleRoute('check-contract')
  @ApiOperation({ summary: "A candidate run over the last days of the subject's canonical topic; nothing is registered" })
  @SUBJECT
  @ApiQuery({ name: 'days', required: false, description: 'How many days back, 1 to 366 (default 7).', schema: { type: 'integer', minimum: 1, maximum: 366 } })
  @CSRF
  @ApiBody({ type: CandidateSchemaRequest })
  @ApiOkResponse({ type: SampleCheckReportSchema })
  @ApiConsoleProblems(400, 401, 403, 404, 413, 503)
  sampleCheck(@Param('subject') subject: string, @Body() body: { schema?: unknown } | undefined, @Query('days') days = '7') {
    return this.samples.check(subject, candidateText(body), 'JSON', Number(days));
  }

  /** Registers the candidate as the subject's next version, through the registry (which decides it as for the user's member, and logs it with the user). */
  @Post(':subject/versions')
  @HttpCode(200)
  @ConsoleRoute('register-contract')
  @ApiOperation({ summary: "The candidate registered as the subject's next version, by the registry, which decides it as for the user's member" })
  @SUBJECT
  @CSRF
  @ApiBody({ type: CandidateSchemaRequest })
  @ApiOkResponse({ type: RegisteredVersionSchema })
  @ApiConsoleProblems(400, 401, 403, 409, 413, 422, 503)
  register(@Param('subject') subject: string, @Body() body: { schema?: unknown } | undefined, @Req() request: Request): Promise<{ id: number }> {
    return this.forwarding.send(request, 'POST', `/subjects/${encodeURIComponent(subject)}/versions`, { schema: candidateText(body), schemaType: 'JSON' });
  }

  /** Changes the contract's lifecycle (active, deprecated, disabled), through the registry likewise. */
  @Put(':subject/lifecycle')
  @ConsoleRoute('change-lifecycle')
  @ApiOperation({ summary: "The contract's lifecycle changed, by the registry, which decides it as for the user's member" })
  @SUBJECT
  @CSRF
  @ApiBody({ type: LifecycleChangeRequest })
  @ApiOkResponse({ type: ContractSummarySchema })
  @ApiConsoleProblems(400, 401, 403, 404, 422, 503)
  lifecycle(@Param('subject') subject: string, @Body() body: { lifecycle?: unknown } | undefined, @Req() request: Request): Promise<ContractSummary> {
    const lifecycle = body?.lifecycle;
    if (typeof lifecycle !== 'string' || !(LIFECYCLES as readonly string[]).includes(lifecycle))
      throw new HubError(ErrorCode.BadRequest, `生命周期须为 ${LIFECYCLES.join('、')} 之一 (lifecycle must be one of ${LIFECYCLES.join(', ')})`);
    return this.forwarding.send(request, 'PUT', `/hub/contracts/${encodeURIComponent(subject)}/lifecycle`, { lifecycle });
  }
}

/** A version the subject has, named by a query parameter, or the default when the parameter is absent. */
function versionIn(versions: readonly number[], value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const version = Number(value);
  if (!versions.includes(version)) throw new HubError(ErrorCode.BadRequest, `没有版本 ${value} (${name} must be one of the versions ${versions.join(', ')})`);
  return version;
}

/** The candidate schema's text from the request, refused clearly when missing or too large. */
function candidateText(body: { schema?: unknown } | undefined): string {
  const schema = body?.schema;
  if (typeof schema !== 'string' || schema.trim().length === 0) throw new HubError(ErrorCode.BadRequest, '请粘贴或上传候选模式 (schema must be the candidate JSON Schema, as text)');
  if (schema.length > MAX_CANDIDATE) throw new HubError(ErrorCode.PayloadTooLarge, `候选模式过大 (the candidate is over ${MAX_CANDIDATE} characters)`);
  return schema;
}
