import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse, ApiSchema } from '@nestjs/swagger';

/** Every refusal, in one shape (the exception filter writes it): the status, its name, and what to do about it. */
@ApiSchema({ name: 'Problem' })
export class ProblemSchema {
  @ApiProperty({ type: 'integer' }) statusCode!: number;
  @ApiProperty() error!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: '413 for a submission over a limit: which (e.g. maxRecords).' }) limit?: string;
  @ApiPropertyOptional({ type: 'integer', description: "The limit's value." }) value?: number;
}

const MEANINGS = {
  400: 'The request cannot be read (which part, and why, in message).',
  401: 'No API key, or an unknown, revoked or expired one.',
  403: "The member may not do this (e.g. every record is another department's event type).",
  404: 'Not found for this member.',
  409: 'In conflict with what the member already has (e.g. as many bulk loads open as it may).',
  413: "The body (sent, or inflated from gzip) is over the member's byte limit, or holds more records than a request may (limit and value name which).",
  415: 'A media type, charset or content encoding the gateway does not read (message names the ones it does).',
  429: "Over the member's records-per-second rate; Retry-After says when to try again.",
  503: 'Kafka or PostgreSQL is unreachable, the contracts are not loaded yet, or (closing a bulk load) the member’s Kafka-native records are still being taken in: nothing was done; retry after Retry-After seconds.',
} as const;

/** The refusals an operation may answer, each a Problem with what the status means at this gateway. */
export function ApiProblems(...statuses: (keyof typeof MEANINGS)[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: MEANINGS[status], type: ProblemSchema })));
}
