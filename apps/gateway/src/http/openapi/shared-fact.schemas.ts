import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { DeliveredFact, UnjustifiedFactRead } from '@hub/gateway';
import { PageCursor } from '@hub/platform';

@ApiSchema({ name: 'SharedFact', description: "What another department's event says about a person the member knows, with the fields its rule grants." })
export class SharedFactSchema implements DeliveredFact {
  @ApiProperty({ description: 'Paging cursor (the order the fact became the member’s to read).' }) sequence!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty({ description: 'The publishing department.' }) source!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: "The member's own identifiers of the person." }) recordKeys!: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The fields the sharing rule grants the member.' }) fields!: Record<string, unknown>;
  @ApiProperty({ description: "Why the member may read them (the rule's stated purpose)." }) purpose!: string;
}

@ApiSchema({ name: 'SharedFactPage' })
export class SharedFactPageSchema extends PageCursor {
  @ApiProperty({ type: [SharedFactSchema] }) items!: SharedFactSchema[];
}

@ApiSchema({ name: 'UnjustifiedFactRead', description: 'A person whose facts a member read with no finding routed to it and no more than one record of them.' })
export class UnjustifiedFactReadSchema implements UnjustifiedFactRead {
  @ApiProperty() member!: string;
  @ApiProperty({ description: "The person's pseudonym." }) subject!: string;
  @ApiProperty({ format: 'date-time' }) firstReadAt!: string;
  @ApiProperty({ format: 'date-time' }) lastReadAt!: string;
  @ApiProperty({ type: 'integer' }) factsServed!: number;
  @ApiProperty({ type: 'integer', description: 'How many accepted records of the member named the person (0 or 1).' }) records!: number;
}

@ApiSchema({ name: 'UnjustifiedFactReadPage' })
export class UnjustifiedFactReadPageSchema extends PageCursor {
  @ApiProperty({ type: [UnjustifiedFactReadSchema] }) items!: UnjustifiedFactReadSchema[];
}
