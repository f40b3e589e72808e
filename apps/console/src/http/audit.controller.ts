import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditReading } from '@hub/audit';
import { ErrorCode, HubError } from '@hub/errors';
import { ConsoleRoute } from './console-route.decorator.js';
import { streamNdjson } from './ndjson-stream.js';
import { AccessLogPageSchema, ApiConsoleProblems, LineageSchema } from './openapi/console.schemas.js';

const isoMoment = (value: string | undefined, name: string): Date | undefined => {
  if (value === undefined || value === '') return undefined;
  const moment = new Date(value);
  if (Number.isNaN(moment.getTime())) throw new HubError(ErrorCode.BadRequest, `${name} 须为 ISO 8601 时间 (must be an ISO 8601 moment, e.g. 2026-12-01T00:00:00+08:00)`);
  return moment;
};

/**
 * The auditor's reads of the audit store (issue 24): a finding's lineage, the verification of
 * every chain with its progress streamed, and the access log searched by member, user, action and
 * time. The same library as `hub audit lineage` and `hub audit verify`.
 */
@Controller('api/audit')
@ApiTags('audit')
@ApiCookieAuth('session')
export class AuditController {
  constructor(private readonly audit: AuditReading) {}

  @Get('findings/:id/lineage')
  @ConsoleRoute('read-lineage')
  @ApiOperation({ summary: "A finding's lineage: the events it rests on (topic, partition, offset), each change announced, the responses, every read that served it" })
  @ApiParam({ name: 'id', description: 'The finding id.', schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } })
  @ApiOkResponse({ type: LineageSchema })
  @ApiConsoleProblems(400, 401, 403, 503)
  lineage(@Param('id') findingId: string) {
    if (!/^[0-9a-f]{64}$/.test(findingId)) throw new HubError(ErrorCode.BadRequest, `线索编号须为 64 位十六进制 (a finding id is 64 hexadecimal digits, not "${findingId}")`);
    return this.audit.lineage(findingId);
  }

  /** NDJSON: `{"progress":{"entriesDone","entriesTotal"}}` lines while the chains are walked, then `{"verdict":{…}}` (or `{"error":"…"}`). */
  @Get('verify')
  @ConsoleRoute('verify-audit')
  @ApiOperation({ summary: 'Walk every chain of the audit store and check every checkpoint, the progress streamed as NDJSON lines, the verdict last' })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({
    description: 'Lines of {"progress":{"entriesDone","entriesTotal"}}, then one {"verdict":{chains, entries, checkpoints, unsealedEntries, breaks}} or {"error":"…"}.',
    schema: { type: 'string' },
  })
  @ApiConsoleProblems(401, 403)
  async verify(@Res() response: Response): Promise<void> {
    await streamNdjson(response, 'verdict', (progress) =>
      this.audit.verify((done) => {
        progress(done, done.entriesDone === done.entriesTotal);
      }),
    );
  }

  @Get('access-log')
  @ConsoleRoute('read-access-log')
  @ApiOperation({ summary: 'The access log, newest first: who did what, allowed or refused, by member, user, action and time' })
  @ApiQuery({ name: 'member', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'user', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'action', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'allowed', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'from', required: false, schema: { type: 'string', format: 'date-time' } })
  @ApiQuery({ name: 'to', required: false, schema: { type: 'string', format: 'date-time' } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000 } })
  @ApiOkResponse({ type: AccessLogPageSchema })
  @ApiConsoleProblems(400, 401, 403, 503)
  accessLog(@Query() query: Record<string, string | undefined>) {
    const limit = query['limit'] === undefined ? 200 : Number(query['limit']);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new HubError(ErrorCode.BadRequest, 'limit 须为 1 到 1000 的整数 (limit must be a whole number from 1 to 1000)');
    if (query['allowed'] !== undefined && !['true', 'false'].includes(query['allowed'])) throw new HubError(ErrorCode.BadRequest, 'allowed must be true or false');
    const text = (name: string) => (query[name] ? { [name]: query[name] } : {});
    const from = isoMoment(query['from'], 'from');
    const to = isoMoment(query['to'], 'to');
    return this.audit.accessLog({
      limit,
      ...text('member'),
      ...text('user'),
      ...text('action'),
      ...(query['allowed'] === undefined ? {} : { allowed: query['allowed'] === 'true' }),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    });
  }
}
