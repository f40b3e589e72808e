/** The OpenAPI shapes of a bulk load, as the gateway answers a member and the console an operator. */
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { BulkLoad } from './bulk-load.repository.js';
import type { PartitionOffset } from '@hub/messaging';

@ApiSchema({ name: 'PartitionWatermark' })
export class PartitionWatermarkSchema implements PartitionOffset {
  @ApiProperty({ description: "A canonical topic of the member's." }) topic!: string;
  @ApiProperty() partition!: number;
  @ApiProperty({ description: 'Where the partition ended at the close (the offset the next record takes): every record of the load is before it.', pattern: '^\\d+$' }) offset!: string;
}

@ApiSchema({ name: 'BulkLoad', description: 'A bulk load: opened before a large body of records is sent, closed once every batch of it was accepted.' })
export class BulkLoadSchema implements BulkLoad {
  @ApiProperty({ format: 'uuid' }) loadId!: string;
  @ApiProperty({ description: 'The member loading.' }) member!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Absent while the load is open.' }) closedAt?: string;
  @ApiPropertyOptional({ type: [PartitionWatermarkSchema], description: 'At the close: where each partition of the member’s canonical topics ended.' }) watermarks?: PartitionWatermarkSchema[];
  @ApiPropertyOptional({ format: 'date-time', description: 'When the crosscheck had judged every record of the load and announced the findings it held back; absent until then.' }) judgedAt?: string;
  @ApiPropertyOptional({ description: 'True when the crosscheck gave up holding for the load (it held findings back as long as it may, 2 hours by default) rather than judged it.' })
  givenUp?: boolean;
  @ApiPropertyOptional({ description: 'True when the gateway closed the load for the member: no record came from it for BULK_LOAD_IDLE_MINUTES (30 by default).' })
  closedIdle?: boolean;
}

@ApiSchema({ name: 'BulkLoadList' })
export class BulkLoadListSchema {
  @ApiProperty({ type: [BulkLoadSchema], description: 'Newest first.' }) items!: BulkLoadSchema[];
}
