import { Body, Controller, Get, Inject, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCode, HubError } from '@hub/errors';
import type { Policy } from '@hub/precise-aid';
import { KNOWN_POLICIES, PolicyDocumentError, policyFromDocument, replayAsOf, type ReplayReport } from '@hub/replay';
import { ConsoleEnvironment } from '../console-environment.js';
import { ConsoleRoute } from './console-route.decorator.js';
import { streamNdjson } from './ndjson-stream.js';
import { ApiConsoleProblems, ReplayRequestSchema } from './openapi/console.schemas.js';

/** The most differences one answer lists (the counts are always whole). */
const MOST_DIFFERENCES = 1_000;

/** A replay as the console answers it: the report without the list of every open finding (its count stays), the differences capped. */
export type ConsoleReplayReport = Omit<ReplayReport, 'findings' | 'differences'> & {
  findings: { open: number };
  differences: Omit<ReplayReport['differences'], 'items'> & { items: ReplayReport['differences']['items']; listed: number };
};

const LIVE_POLICY = [...KNOWN_POLICIES.values()].at(-1)!;

/**
 * Replay and what-if for auditors (issue 24): the findings as they stood at a moment, rebuilt from
 * the audit store with the very rules of the live path, under the live policy or one the auditor
 * edited, and how they differ from what the hub announced, each difference with its reason. The
 * same library as `hub replay --source audit`; the progress streams while it runs.
 */
@Controller('api/audit')
@ApiTags('audit')
@ApiCookieAuth('session')
export class ReplayController {
  constructor(@Inject(ConsoleEnvironment) private readonly env: ConsoleEnvironment) {}

  @Get('policy')
  @ConsoleRoute('replay-log')
  @ApiOperation({ summary: 'The live rules and policy, as a document to edit for a what-if' })
  @ApiOkResponse({ description: 'The policy document (its shape: libs/precise-aid policy-shape.ts).', schema: { type: 'object', additionalProperties: true } })
  @ApiConsoleProblems(401, 403)
  policy(): Policy {
    return LIVE_POLICY;
  }

  /** NDJSON: `{"progress":{"phase","done","total"}}` lines, then `{"report":{…}}` or `{"error":"…"}`. */
  @Post('replay')
  @ConsoleRoute('replay-log')
  @ApiOperation({ summary: 'Replay the log from the audit store as of a moment, under the live policy or an edited one; the differences from what the hub announced, with their reasons' })
  @ApiHeader({ name: 'X-CSRF-Token', required: true, description: "The session's csrfToken." })
  @ApiBody({ type: ReplayRequestSchema })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({
    description: 'Lines of {"progress":{"phase","done","total"}}, then one {"report":{…}} (as hub replay --json, without the list of open findings) or {"error":"…"}.',
    schema: { type: 'string' },
  })
  @ApiConsoleProblems(400, 401, 403, 503)
  async replay(@Body() body: { asOf?: unknown; evaluationDate?: unknown; policy?: unknown } | undefined, @Res() response: Response): Promise<void> {
    const asOf = typeof body?.asOf === 'string' ? new Date(body.asOf) : new Date(Number.NaN);
    if (Number.isNaN(asOf.getTime())) throw new HubError(ErrorCode.BadRequest, 'asOf 须为 ISO 8601 时间 (asOf must be an ISO 8601 moment, e.g. 2026-12-01T00:00:00+08:00)');
    const evaluationDate = body?.evaluationDate;
    if (evaluationDate !== undefined && evaluationDate !== '' && (typeof evaluationDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(evaluationDate))) {
      throw new HubError(ErrorCode.BadRequest, 'evaluationDate 须为 YYYY-MM-DD (evaluationDate must be YYYY-MM-DD)');
    }
    const policy = this.policyOf(body?.policy);
    const { AUDIT_DATABASE_URL: database, AUDIT_STORE_KEYS: storeKeys } = this.env;
    if (!database || !storeKeys) throw new HubError(ErrorCode.NotReady, '审计库未配置 (the console reads no audit store: set AUDIT_DATABASE_URL and AUDIT_STORE_KEYS)');
    await streamNdjson(response, 'report', async (progress) => {
      const report = await replayAsOf({
        source: { kind: 'audit-store', database, storeKeys },
        asOf,
        policy,
        ...(typeof evaluationDate === 'string' && evaluationDate !== '' ? { evaluationDate } : {}),
        findingsTopic: this.env.FINDINGS_TOPIC,
        onProgress: (phase, done, total) => {
          progress({ phase, done, total }, total !== undefined && done === total);
        },
      });
      return forConsole(report);
    });
  }

  private policyOf(document: unknown): Policy {
    if (document === undefined || document === null) return LIVE_POLICY;
    try {
      return policyFromDocument(document, 'the edited policy');
    } catch (error) {
      if (error instanceof PolicyDocumentError) throw new HubError(ErrorCode.BadRequest, `策略文档无效 (${error.message})`, { context: { problems: error.problems } });
      throw error;
    }
  }
}

function forConsole(report: ReplayReport): ConsoleReplayReport {
  const { findings, differences, ...rest } = report;
  return {
    ...rest,
    findings: { open: findings.open },
    differences: { ...differences, items: differences.items.slice(0, MOST_DIFFERENCES), listed: Math.min(differences.items.length, MOST_DIFFERENCES) },
  };
}
