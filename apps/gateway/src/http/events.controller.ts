import { Controller, HttpCode, Inject, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { RateLimiter } from '@hub/access';
import { ErrorCode, HubError } from '@hub/errors';
import { CsvMappingStore, GatewayContracts, PublishService, type Member } from '@hub/gateway';
import { parseCsvSubmission, parseJsonSubmission, parseNdjsonSubmission, type SubmissionEntry } from '@hub/ingest';
import { GatewayEnvironment } from '../gateway-environment.js';
import { ApiKeyGuard } from './api-key.guard.js';
import type { AuthenticatedRequest } from './authenticated-request.js';
import { CurrentMember } from './current-member.decorator.js';
import { readRequestBody } from './read-request-body.js';

/** Publishing: one record or a batch, as JSON, NDJSON, or a CSV export read by the member's declared mapping. */
@Controller('v1/events')
@UseGuards(ApiKeyGuard)
export class EventsController {
  private readonly rateLimiter = new RateLimiter();

  constructor(
    private readonly publisher: PublishService,
    private readonly csvMappings: CsvMappingStore,
    private readonly contracts: GatewayContracts,
    @Inject(GatewayEnvironment) private readonly env: GatewayEnvironment,
  ) {}

  @Post()
  @HttpCode(200)
  async publish(@CurrentMember() member: Member, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response, @Query('type') csvType?: string) {
    const body = await readRequestBody(request, member.maxRequestBytes);
    const entries = await this.parse(member, request.headers['content-type'] ?? 'application/json', body, csvType);
    if (entries.length > this.env.MAX_RECORDS_PER_REQUEST) {
      throw new HubError(ErrorCode.PayloadTooLarge, `the request holds ${entries.length} records; at most ${this.env.MAX_RECORDS_PER_REQUEST} are accepted at once`);
    }
    const rate = this.rateLimiter.take(member.id, member.recordsPerSecond, entries.length, Date.now());
    if (!rate.allowed) {
      throw new HubError(ErrorCode.RateLimited, `${member.id} may publish ${member.recordsPerSecond} records per second; retry in ${rate.retryAfterSeconds} s`, {
        context: { retryAfterSeconds: rate.retryAfterSeconds },
      });
    }
    const outcome = await this.publisher.publish(member, entries, 'http');
    if (outcome.allForbidden) response.status(403);
    return outcome;
  }

  private async parse(member: Member, contentType: string, body: string, csvType: string | undefined): Promise<SubmissionEntry[]> {
    const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
    if (mediaType === 'application/json' || mediaType === 'application/cloudevents-batch+json') return parseJsonSubmission(body);
    if (mediaType === 'application/x-ndjson' || mediaType === 'application/jsonl') return parseNdjsonSubmission(body);
    if (mediaType === 'text/csv') {
      if (!csvType) throw new HubError(ErrorCode.BadRequest, 'a CSV submission names its event type: POST /v1/events?type=<event type>');
      const mapping = await this.csvMappings.get(member.id, csvType);
      if (!mapping) throw new HubError(ErrorCode.BadRequest, `${member.id} has declared no CSV mapping for ${csvType}: PUT /v1/csv-mappings/${csvType} first`);
      const contract = this.contracts.forType(csvType);
      if (!contract) throw new HubError(ErrorCode.BadRequest, `"${csvType}" is not an event type the hub accepts`);
      return parseCsvSubmission(body, csvType, mapping, contract.schema);
    }
    throw new HubError(ErrorCode.BadRequest, `Content-Type ${mediaType} is not one the gateway reads: application/json, application/x-ndjson or text/csv`);
  }
}
