import { Controller, HttpCode, Inject, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBody, ApiConsumes, ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorCode, HubError } from '@hub/errors';
import { CSV_MAPPING_REPOSITORY, GatewayContracts, PublishService, RATE_BUCKET_REPOSITORY, type CsvMappingRepository, type RateBucketRepository } from '@hub/gateway';
import { type Member } from '@hub/members';
import { decodeCsvBody, DEFAULT_SUBMISSION_LIMITS, parseCsvSubmission, readJsonSubmission, submissionMediaType, type DecodedText, type SubmissionEntry, type SubmissionLimits } from '@hub/ingest';
import { GatewayEnvironment } from '../gateway-environment.js';
import { MemberAuthGuard } from '@hub/members';
import type { AuthenticatedRequest } from '@hub/members';
import { CurrentMember } from '@hub/members';
import { refuseOverRate } from './refuse-over-rate.js';
import { readRequestBytes, requestBodyChunks, utf8Text } from './read-request-body.js';
import { ApiMemberAuth } from './openapi/member-auth.docs.js';
import { ApiProblems } from './openapi/problem.schema.js';
import { PublishOutcomeSchema, SubmissionRecordSchema } from './openapi/publish.schemas.js';

/**
 * Publishing: one record or a batch, as JSON, NDJSON, or a CSV export read by the member's declared
 * mapping. The body is read as it arrives, within the member's limits, a record at a time.
 */
@Controller('v1/events')
@UseGuards(MemberAuthGuard)
@ApiMemberAuth()
@ApiExtraModels(SubmissionRecordSchema)
export class EventsController {
  private readonly limits: SubmissionLimits;

  constructor(
    @Inject(RATE_BUCKET_REPOSITORY) private readonly rates: RateBucketRepository,
    private readonly publisher: PublishService,
    @Inject(CSV_MAPPING_REPOSITORY) private readonly csvMappings: CsvMappingRepository,
    private readonly contracts: GatewayContracts,
    @Inject(GatewayEnvironment) env: GatewayEnvironment,
  ) {
    this.limits = { ...DEFAULT_SUBMISSION_LIMITS, maxRecords: env.MAX_RECORDS_PER_REQUEST };
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish one record or a batch (up to MAX_RECORDS_PER_REQUEST records, 10,000 unless configured)',
    description:
      "Each record is checked on its own (ownership of the event type, the contract), pseudonymised and written to its canonical topic with acks=all before the answer. A record id the member had accepted before is answered with its original result and not published again. A rejected record goes to the dead-letter topic and the member's rejections; the batch never fails as a whole for one bad record.",
  })
  @ApiQuery({ name: 'type', required: false, description: 'For text/csv: the event type the rows are (the member has declared a mapping for it).', schema: { type: 'string' } })
  @ApiHeader({ name: 'Content-Encoding', required: false, description: "gzip, or none. The inflated body is held to the member's byte limit.", schema: { enum: ['gzip', 'identity'] } })
  @ApiConsumes('application/json', 'application/x-ndjson', 'text/csv')
  @ApiBody({
    required: true,
    description:
      "JSON: one Record or an array of them. NDJSON: one Record per line. CSV: UTF-8 or GB18030/GBK (the charset parameter, or detected), with or without a byte-order mark; a header row; columns mapped by the member's declared CSV mapping.",
    schema: { oneOf: [{ $ref: getSchemaPath(SubmissionRecordSchema) }, { type: 'array', items: { $ref: getSchemaPath(SubmissionRecordSchema) } }, { type: 'string' }] },
  })
  @ApiOkResponse({ description: 'A result per record, in order.', type: PublishOutcomeSchema })
  @ApiResponse({ status: 403, description: "Every record was another department's event type (results say so per record).", type: PublishOutcomeSchema })
  @ApiProblems(400, 401, 413, 415, 429, 503)
  async publish(@CurrentMember() member: Member, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response, @Query('type') csvType?: string) {
    const mediaType = submissionMediaType(request.headers['content-type']);
    if ('unsupported' in mediaType) throw new HubError(ErrorCode.UnsupportedMediaType, mediaType.unsupported);
    refuseOverRate(member, await this.rates.apply(member.id, member.recordsPerSecond, { kind: 'check' }));
    const { entries, csvText } =
      mediaType.format === 'csv'
        ? await this.readCsv(member, request, csvType, mediaType.charset)
        : { entries: await Array.fromAsync(readJsonSubmission(utf8Text(requestBodyChunks(request, member.maxRequestBytes)), mediaType.format, this.limits)), csvText: undefined };
    refuseOverRate(member, await this.rates.apply(member.id, member.recordsPerSecond, { kind: 'take', records: entries.length }));
    const outcome = await this.publisher.publish(member, entries, 'http');
    if (outcome.allForbidden) response.status(403);
    return csvText ? { ...outcome, charset: { name: csvText.charset, detected: csvText.detected } } : outcome;
  }

  private async readCsv(member: Member, request: AuthenticatedRequest, csvType: string | undefined, charset: string | undefined): Promise<{ entries: SubmissionEntry[]; csvText: DecodedText }> {
    if (!csvType) throw new HubError(ErrorCode.BadRequest, 'a CSV submission names its event type: POST /v1/events?type=<event type>');
    const mapping = await this.csvMappings.get(member.id, csvType);
    if (!mapping) throw new HubError(ErrorCode.BadRequest, `${member.id} has declared no CSV mapping for ${csvType}: PUT /v1/csv-mappings/${csvType} first`);
    const contract = this.contracts.forType(csvType);
    if (!contract) throw new HubError(ErrorCode.BadRequest, `"${csvType}" is not an event type the hub accepts`);
    const csvText = decodeCsvBody(await readRequestBytes(request, member.maxRequestBytes), charset);
    return { entries: parseCsvSubmission(csvText.text, csvType, mapping, contract.schema, this.limits), csvText };
  }
}
