import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import type { PublishOutcome } from '@hub/gateway';
import type { CsvMapping, Rejection } from '@hub/ingest';

/** One record as a department submits it. */
@ApiSchema({ name: 'SubmissionRecord' })
export class SubmissionRecordSchema {
  @ApiProperty({ maxLength: 200, description: 'CloudEvents id, unique per member: the idempotency key.' }) id!: string;
  @ApiProperty({ description: 'The event type with its major version, e.g. education.student-aid.granted.v1.' }) type!: string;
  @ApiPropertyOptional({ format: 'date-time', description: "When it happened at the department; the hub's clock when absent." }) time?: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The record, as its contract describes it.' }) data!: Record<string, unknown>;
}

@ApiSchema({ name: 'RecordProblem' })
export class RecordProblemSchema implements Rejection {
  @ApiProperty({ description: 'JSON pointer into the record.' }) path!: string;
  @ApiProperty() reason!: string;
}

@ApiSchema({ name: 'AcceptedRecord' })
export class AcceptedRecordSchema {
  @ApiProperty({ type: 'integer', description: 'Position in the submission (0-based).' }) index!: number;
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['accepted'] }) status!: 'accepted';
  @ApiProperty({ description: 'The canonical topic it was written to.' }) topic!: string;
  @ApiProperty({ format: 'date-time' }) acceptedAt!: string;
  @ApiProperty({ description: 'Accepted before; this is the original result.' }) duplicate!: boolean;
}

@ApiSchema({ name: 'RejectedRecord' })
export class RejectedRecordSchema {
  @ApiProperty({ type: 'integer', description: 'Position in the submission (0-based).' }) index!: number;
  @ApiPropertyOptional({ description: 'Absent when the record could not be read far enough to have one.' }) id?: string;
  @ApiProperty({ enum: ['rejected'] }) status!: 'rejected';
  @ApiProperty({ enum: ['unreadable', 'unknown-type', 'forbidden', 'invalid'] }) code!: 'unreadable' | 'unknown-type' | 'forbidden' | 'invalid';
  @ApiProperty({ type: [RecordProblemSchema] }) errors!: RecordProblemSchema[];
  @ApiProperty({ description: 'Where it is kept (GET /v1/rejections).' }) rejectionId!: string;
}

@ApiSchema({ name: 'CsvCharset', description: 'For text/csv: the character set the export was read in, and whether it was detected rather than declared.' })
export class CsvCharsetSchema {
  @ApiProperty({ enum: ['utf-8', 'gb18030'] }) name!: 'utf-8' | 'gb18030';
  @ApiProperty() detected!: boolean;
}

@ApiSchema({ name: 'PublishOutcome' })
@ApiExtraModels(AcceptedRecordSchema, RejectedRecordSchema)
export class PublishOutcomeSchema implements PublishOutcome {
  @ApiProperty({ type: 'integer' }) accepted!: number;
  @ApiProperty({ type: 'integer' }) duplicates!: number;
  @ApiProperty({ type: 'integer' }) rejected!: number;
  @ApiProperty({ description: "Every record was another department's event type: the request as a whole is forbidden (403)." }) allForbidden!: boolean;
  @ApiProperty({
    description: 'A result per record, in the order submitted.',
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(AcceptedRecordSchema) }, { $ref: getSchemaPath(RejectedRecordSchema) }] },
  })
  results!: PublishOutcome['results'];
  @ApiPropertyOptional({ type: CsvCharsetSchema }) charset?: CsvCharsetSchema;
}

@ApiSchema({ name: 'CsvMapping' })
export class CsvMappingSchema implements CsvMapping {
  @ApiProperty({ description: "The column holding each row's record id." }) idColumn!: string;
  @ApiPropertyOptional({ description: "The column holding when each row's record happened." }) timeColumn?: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Column header → contract field.' }) columns!: Record<string, string>;
}

@ApiSchema({ name: 'DeclaredCsvMapping' })
export class DeclaredCsvMappingSchema {
  @ApiProperty() eventType!: string;
  @ApiProperty({ type: CsvMappingSchema }) mapping!: CsvMappingSchema;
}

@ApiSchema({ name: 'CsvMappings' })
export class CsvMappingsSchema {
  @ApiProperty({ type: [DeclaredCsvMappingSchema] }) mappings!: DeclaredCsvMappingSchema[];
}
