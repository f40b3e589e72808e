import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { StoredRejection } from '@hub/gateway';
import { PageCursor } from '@hub/platform';
import { RecordProblemSchema } from './publish.schemas.js';

@ApiSchema({ name: 'Rejection' })
export class RejectionSchema implements StoredRejection {
  @ApiProperty({ description: 'Paging cursor, and the id to replay it by.' }) rejectionId!: string;
  @ApiPropertyOptional() eventId?: string;
  @ApiPropertyOptional() eventType?: string;
  @ApiProperty({ enum: ['http', 'kafka'] }) channel!: 'http' | 'kafka';
  @ApiProperty({ type: [RecordProblemSchema] }) problems!: RecordProblemSchema[];
  @ApiProperty({ description: 'As submitted, identity numbers masked (640104********0512).' }) record!: unknown;
  @ApiProperty({ format: 'date-time' }) rejectedAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) replayedAt!: string | null;
}

@ApiSchema({ name: 'RejectionPage' })
export class RejectionPageSchema extends PageCursor {
  @ApiProperty({ type: [RejectionSchema] }) items!: RejectionSchema[];
}
