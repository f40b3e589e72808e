import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { DeliveredFinding } from './delivered-finding.js';
import type { FindingReveal } from './finding-reveals.js';
import { PageCursor } from '@hub/platform';

const RESPONSES = ['acknowledged', 'resolved', 'disputed'] as const;
type ResponseKind = (typeof RESPONSES)[number];

@ApiSchema({ name: 'Evidence', description: 'An event a finding rests on.' })
export class EvidenceSchema {
  @ApiProperty() eventId!: string;
  @ApiProperty({ description: 'The department that published it.' }) source!: string;
  @ApiProperty({ description: 'Its event type.' }) type!: string;
}

@ApiSchema({ name: 'RespondedFinding', description: "A member's response as the finding carries it." })
export class RespondedFindingSchema {
  @ApiProperty({ enum: RESPONSES }) response!: ResponseKind;
  @ApiPropertyOptional() reason?: string;
  @ApiProperty({ format: 'date-time' }) respondedAt!: string;
}

@ApiSchema({ name: 'RevealGrant', description: 'Present when the member may learn who the subject is (POST /v1/findings/{id}/reveal), and for what.' })
export class RevealGrantSchema {
  @ApiProperty() purpose!: string;
}

@ApiSchema({ name: 'Finding' })
export class FindingSchema implements DeliveredFinding {
  @ApiProperty() findingId!: string;
  @ApiProperty() rule!: string;
  @ApiProperty() ruleVersion!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) state!: 'open' | 'closed';
  @ApiProperty() period!: string;
  @ApiPropertyOptional({ description: 'The aid item a student-aid finding is about (e.g. senior-high-grant), as the aid contract (version 2) names it.' }) item?: string;
  @ApiPropertyOptional({ description: 'The county-level division (GB/T 2260) the subject lives in, as the departments’ records say.', pattern: '^[1-8][0-9]{5}$' }) county?: string;
  @ApiProperty() explanation!: string;
  @ApiProperty({ type: [EvidenceSchema] }) evidence!: EvidenceSchema[];
  @ApiProperty({ description: "The hub's pseudonym of the person or household, to quote when responding." }) subject!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: "The member's own identifiers of the subject (学籍号, household number, certificate number); on the Kafka findings topic, those that embed an identity number are masked.",
  })
  recordKeys!: Record<string, string>;
  @ApiProperty({ type: [RespondedFindingSchema], description: "The member's responses so far, as the cross-check recorded them." }) responses!: RespondedFindingSchema[];
  @ApiPropertyOptional({ type: RevealGrantSchema }) reveal?: RevealGrantSchema;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ description: 'Paging cursor: grows whenever the finding changes.' }) sequence!: string;
}

@ApiSchema({ name: 'FindingPage' })
export class FindingPageSchema extends PageCursor {
  @ApiProperty({ type: [FindingSchema] }) items!: FindingSchema[];
}

@ApiSchema({ name: 'FindingResponse', description: 'What a department answers to one of its findings.' })
export class FindingResponseSchema {
  @ApiProperty({ enum: RESPONSES }) response!: ResponseKind;
  @ApiPropertyOptional({ description: 'Required for a dispute; no identity number.' }) reason?: string;
  @ApiProperty({ description: 'Who in the department responded (tokenised before it reaches a topic).' }) respondedBy!: string;
}

@ApiSchema({ name: 'RecordedFindingResponse', description: 'Recorded as a hub.finding-response.recorded.v1 event.' })
export class RecordedFindingResponseSchema {
  @ApiProperty() eventId!: string;
  @ApiProperty({ format: 'date-time' }) respondedAt!: string;
}

@ApiSchema({ name: 'RevealRequest' })
export class RevealRequestSchema {
  @ApiProperty({ minLength: 2, maxLength: 200, description: 'Why the member needs to know, e.g. 资助参保; no identity number.' }) purpose!: string;
}

@ApiSchema({ name: 'FindingReveal', description: 'Who the finding is about, and under which grant.' })
export class FindingRevealSchema implements FindingReveal {
  @ApiProperty() findingId!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ description: 'The purpose the policy grants.' }) purpose!: string;
  @ApiProperty() identityNumber!: string;
  @ApiProperty() name!: string;
}
