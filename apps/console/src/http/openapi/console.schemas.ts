import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse, ApiSchema } from '@nestjs/swagger';
import { CONSOLE_ACTIONS, MEMBER_ROLES, type ConsoleAction, type MemberRole } from '@hub/access';
import type { AccessLogPage, FoundAccess, Lineage, LineageStep } from '@hub/audit';
import { LIFECYCLES, type CompatibilityReport, type ContractSummary, type Lifecycle, type SampleCheckReport } from '@hub/contract-registry';
import { CONSOLE_ROLES, type ConsoleRole } from '@hub/console-users';
import { COMPATIBILITY_MODES, DIFFERENCE_KINDS, type CompatibilityMode, type DifferenceEffect, type DifferenceKind, type GovernedChange } from '@hub/contracts';
import { FindingSchema, type RejectionTally } from '@hub/gateway';
import type { DeadLetterEntry } from '@hub/messaging';
import { PageCursor } from '@hub/platform';
import type { ApiKeyInfo } from '@hub/members';
import type { ConsumerLag, MemberWithKeys, ServiceHealth } from '../operations-views.js';
import type { SessionAnswer } from '../session-answer.js';

/* The shapes of the console's API answers, for its OpenAPI document (docs/api/console.openapi.json). */

@ApiSchema({ name: 'ConsoleProblem', description: 'Every refusal: the status, its name, and the reason in Chinese with English in brackets.' })
export class ConsoleProblemSchema {
  @ApiProperty({ type: 'integer' }) statusCode!: number;
  @ApiProperty({ description: 'A hub error code, or a registry error code (40401, 42201, …) from the catalogue.' }) error!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ type: [String], description: 'The catalogue: each problem of a candidate schema, explained.' }) details?: string[];
}

const MEANINGS = {
  400: 'The request cannot be read (which part, and why, in message).',
  401: 'Not signed in, or the session ended (idle too long, signed out, password changed).',
  403: "Sign-in not finished, no X-CSRF-Token on a change, or the user's role may not do this (the refusal is in the access log with the user).",
  404: 'Not found for this user (another member’s finding answers 404 too).',
  409: 'The registry refuses the candidate: it is not compatible with the versions before it (why, in message).',
  413: 'The candidate schema is over the size the console checks.',
  422: 'The registry refuses the request: an invalid schema or lifecycle (why, in message).',
  503: 'PostgreSQL or Kafka is unreachable, or the contracts are not loaded yet; retry after Retry-After seconds.',
} as const;

/** The refusals an operation may answer. */
export function ApiConsoleProblems(...statuses: (keyof typeof MEANINGS)[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: MEANINGS[status], type: ConsoleProblemSchema })));
}

@ApiSchema({ name: 'SignInRequest' })
export class SignInRequestSchema {
  @ApiProperty() username!: string;
  @ApiProperty({ format: 'password' }) password!: string;
}

@ApiSchema({ name: 'PasswordChange' })
export class PasswordChangeSchema {
  @ApiProperty({ format: 'password' }) currentPassword!: string;
  @ApiProperty({ format: 'password', description: '10+ characters of three kinds, not the user name.' }) newPassword!: string;
}

@ApiSchema({ name: 'SecondFactorCode' })
export class SecondFactorCodeSchema {
  @ApiProperty({ pattern: '^[0-9]{6}$', description: "The authenticator's current code (RFC 6238); each is taken once." }) code!: string;
}

@ApiSchema({ name: 'Enrolment', description: 'While an authenticator is being enrolled: the secret to add to it, shown to this session only.' })
export class EnrolmentSchema {
  @ApiProperty({ description: 'Base32.' }) secret!: string;
  @ApiProperty({ format: 'uri' }) otpauthUri!: string;
}

@ApiSchema({ name: 'ConsoleSession', description: 'Who is signed in, how far, and what the role may do. Changes carry csrfToken as X-CSRF-Token.' })
export class ConsoleSessionSchema implements SessionAnswer {
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() member!: string;
  @ApiProperty({ enum: CONSOLE_ROLES }) role!: ConsoleRole;
  @ApiProperty({ enum: ['change-password', 'second-factor', 'enrol-second-factor', 'active'] }) stage!: 'change-password' | 'second-factor' | 'enrol-second-factor' | 'active';
  @ApiProperty() csrfToken!: string;
  @ApiPropertyOptional({ type: EnrolmentSchema }) enrolment?: EnrolmentSchema;
  @ApiProperty({ enum: CONSOLE_ACTIONS, isArray: true }) permissions!: ConsoleAction[];
}

@ApiSchema({ name: 'ConsoleFindingResponse', description: 'An answer to one of the member’s findings; who responded is the signed-in user.' })
export class ConsoleFindingResponseSchema {
  @ApiProperty({ enum: ['acknowledged', 'resolved', 'disputed'] }) response!: string;
  @ApiPropertyOptional({ description: 'Required to resolve or dispute; no identity number.' }) reason?: string;
}

@ApiSchema({ name: 'CandidateSchema' })
export class CandidateSchemaRequest {
  @ApiProperty({ description: 'The candidate JSON Schema (2020-12) with its hub annotations, as text.' }) schema!: string;
}

@ApiSchema({ name: 'ClassifiedField' })
export class ClassifiedFieldSchema {
  @ApiProperty({ description: 'JSON pointer into the documents; * for every item of an array.' }) pointer!: string;
  @ApiProperty({ enum: ['personal-identifier', 'personal', 'public'] }) classification!: string;
}

@ApiSchema({ name: 'ContractBinding' })
export class ContractBindingSchema {
  @ApiProperty() owner!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty() topic!: string;
  @ApiProperty() partitionKey!: string;
}

@ApiSchema({ name: 'ContractSummary' })
export class ContractSummarySchema implements ContractSummary {
  @ApiProperty() subject!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ enum: LIFECYCLES }) lifecycle!: Lifecycle;
  @ApiPropertyOptional({ type: ContractBindingSchema }) binding?: ContractBindingSchema;
  @ApiProperty({ type: [ClassifiedFieldSchema] }) classification!: ClassifiedFieldSchema[];
}

@ApiSchema({ name: 'SharingRule', description: 'Who may read which fields of the contract’s events as shared facts, for what purpose.' })
export class SharingRuleSchema {
  @ApiProperty() member!: string;
  @ApiProperty({ type: [String] }) fields!: string[];
  @ApiProperty() purpose!: string;
}

@ApiSchema({ name: 'ContractDetail' })
export class ContractDetailSchema extends ContractSummarySchema {
  @ApiProperty({ type: 'integer', isArray: true }) versions!: number[];
  @ApiProperty({ type: [SharingRuleSchema] }) sharing!: SharingRuleSchema[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The latest version’s JSON Schema.' }) schema!: Record<string, unknown>;
}

@ApiSchema({ name: 'SchemaDifference' })
export class SchemaDifferenceSchema {
  @ApiProperty() pointer!: string;
  @ApiProperty({ enum: DIFFERENCE_KINDS }) kind!: DifferenceKind;
  @ApiProperty({ enum: ['widens', 'narrows', 'changes', 'none'] }) effect!: DifferenceEffect;
  @ApiProperty() detail!: string;
}

@ApiSchema({ name: 'Incompatibility' })
export class IncompatibilitySchema extends SchemaDifferenceSchema {
  @ApiProperty({ type: 'integer', description: 'The earlier version the candidate breaks.' }) version!: number;
  @ApiProperty({ enum: ['backward', 'forward'] }) direction!: 'backward' | 'forward';
  @ApiProperty({ description: 'Why it breaks, and what would be compatible instead.' }) explanation!: string;
}

@ApiSchema({ name: 'GovernedChange', description: 'A change the owner alone may not make (a classification lowered, the binding or sharing changed).' })
export class GovernedChangeSchema implements GovernedChange {
  @ApiProperty({ enum: ['classification-lowered', 'binding-changed', 'sharing-changed'] }) kind!: GovernedChange['kind'];
  @ApiProperty() pointer!: string;
  @ApiProperty() detail!: string;
}

@ApiSchema({ name: 'CompatibilityReport' })
export class CompatibilityReportSchema implements CompatibilityReport {
  @ApiProperty() compatible!: boolean;
  @ApiProperty({ enum: COMPATIBILITY_MODES, description: 'The compatibility mode of the subject.' }) mode!: CompatibilityMode;
  @ApiProperty({ type: [SchemaDifferenceSchema] }) differences!: SchemaDifferenceSchema[];
  @ApiProperty({ type: [IncompatibilitySchema] }) incompatibilities!: IncompatibilitySchema[];
  @ApiProperty({ type: [GovernedChangeSchema] }) governed!: GovernedChangeSchema[];
}

@ApiSchema({ name: 'RegisteredVersion', description: 'The registered schema’s id (the same schema registered again keeps its id).' })
export class RegisteredVersionSchema {
  @ApiProperty({ type: 'integer' }) id!: number;
}

@ApiSchema({ name: 'LifecycleChange' })
export class LifecycleChangeRequest {
  @ApiProperty({ enum: LIFECYCLES }) lifecycle!: Lifecycle;
}

@ApiSchema({ name: 'VersionDiff', description: 'What changed from one version of a contract to another, field by field.' })
export class VersionDiffSchema {
  @ApiProperty({ type: 'integer' }) from!: number;
  @ApiProperty({ type: 'integer' }) to!: number;
  @ApiProperty({ type: [SchemaDifferenceSchema] }) differences!: SchemaDifferenceSchema[];
}

@ApiSchema({ name: 'SampleViolation', description: 'Where a record breaks the candidate, and which rule.' })
export class SampleViolationSchema {
  @ApiProperty({ description: 'JSON pointer into the record.' }) instancePath!: string;
  @ApiProperty() keyword!: string;
  @ApiProperty() message!: string;
}

@ApiSchema({ name: 'SampleCheckReason', description: 'One reason records fail the candidate (a field and a rule), and how many.' })
export class SampleCheckReasonSchema extends SampleViolationSchema {
  @ApiProperty({ type: 'integer' }) records!: number;
}

@ApiSchema({ name: 'SampleFailure', description: 'A record that fails, by where it is on the topic (never its values).' })
export class SampleFailureSchema {
  @ApiProperty({ type: 'integer' }) partition!: number;
  @ApiProperty() offset!: string;
  @ApiProperty({ type: [SampleViolationSchema] }) violations!: SampleViolationSchema[];
}

@ApiSchema({ name: 'SampleCheckReport', description: "The candidate run over the subject's canonical topic, the last days of it." })
export class SampleCheckReportSchema implements SampleCheckReport {
  @ApiProperty() topic!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
  @ApiProperty({ type: 'integer' }) checked!: number;
  @ApiProperty({ type: 'integer' }) failed!: number;
  @ApiProperty({ type: [SampleCheckReasonSchema], description: 'Most frequent first.' }) reasons!: SampleCheckReasonSchema[];
  @ApiProperty({ type: [SampleFailureSchema], description: 'The first failing records.' }) examples!: SampleFailureSchema[];
}

@ApiSchema({ name: 'RejectionTally', description: 'A member’s rejected records of one event type: counts only.' })
export class RejectionTallySchema implements RejectionTally {
  @ApiProperty() member!: string;
  @ApiProperty({ description: 'Empty where the record named no type the gateway could read.' }) eventType!: string;
  @ApiProperty({ type: 'integer' }) rejected!: number;
  @ApiProperty({ type: 'integer', description: 'Not yet replayed by the member.' }) awaitingReplay!: number;
  @ApiProperty({ format: 'date-time' }) latest!: string;
}

@ApiSchema({ name: 'DeadLetterEntry', description: 'A dead letter: where it came from and why it failed, from its headers; never its value.' })
export class DeadLetterEntrySchema implements DeadLetterEntry {
  @ApiProperty({ type: 'integer' }) partition!: number;
  @ApiProperty() offset!: string;
  @ApiProperty() sourceTopic!: string;
  @ApiProperty({ type: 'integer', nullable: true }) sourcePartition!: number | null;
  @ApiProperty() sourceOffset!: string;
  @ApiProperty() consumerGroup!: string;
  @ApiProperty() errorCode!: string;
  @ApiProperty({ description: 'Identity numbers in it masked.' }) errorMessage!: string;
  @ApiProperty({ type: 'integer', nullable: true }) attempts!: number | null;
  @ApiProperty() failedAt!: string;
}

@ApiSchema({ name: 'ServiceHealth' })
export class ServiceHealthSchema implements ServiceHealth {
  @ApiProperty() service!: string;
  @ApiProperty({ format: 'uri' }) url!: string;
  @ApiProperty({ enum: ['up', 'down', 'unreachable'] }) status!: ServiceHealth['status'];
  @ApiProperty({ description: 'What its /health/ready answered, or why it could not be asked.' }) detail!: unknown;
}

@ApiSchema({ name: 'ConsoleFindingPage' })
export class ConsoleFindingPageSchema extends PageCursor {
  @ApiProperty({ type: [FindingSchema] }) items!: FindingSchema[];
}

@ApiSchema({ name: 'RoutedFinding', description: 'A finding with the member it is routed to (the auditor’s search).' })
export class RoutedFindingSchema extends FindingSchema {
  @ApiProperty() routedTo!: string;
}

@ApiSchema({ name: 'RoutedFindingPage' })
export class RoutedFindingPageSchema extends PageCursor {
  @ApiProperty({ type: [RoutedFindingSchema] }) items!: RoutedFindingSchema[];
}

@ApiSchema({ name: 'LineageStep', description: 'One step of a finding’s history, where the broker has it.' })
export class LineageStepSchema implements LineageStep {
  @ApiProperty({ enum: ['evidence', 'finding-change', 'response', 'access'] }) kind!: LineageStep['kind'];
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() topic!: string;
  @ApiProperty({ type: 'integer' }) partition!: number;
  @ApiProperty() offset!: string;
  @ApiProperty({ description: 'The department or member behind it.' }) by!: string;
  @ApiProperty() what!: string;
}

@ApiSchema({ name: 'MissingEvidence' })
export class MissingEvidenceSchema {
  @ApiProperty() source!: string;
  @ApiProperty() eventId!: string;
}

@ApiSchema({ name: 'ExpiredEntry', description: 'An entry naming the finding whose month’s key was destroyed (retention).' })
export class ExpiredEntrySchema {
  @ApiProperty() topic!: string;
  @ApiProperty({ type: 'integer' }) partition!: number;
  @ApiProperty() offset!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() period!: string;
}

@ApiSchema({ name: 'Lineage' })
export class LineageSchema implements Lineage {
  @ApiProperty() findingId!: string;
  @ApiProperty({ type: [LineageStepSchema] }) steps!: LineageStepSchema[];
  @ApiProperty({ type: [MissingEvidenceSchema] }) missingEvidence!: MissingEvidenceSchema[];
  @ApiProperty({ type: [ExpiredEntrySchema] }) expired!: ExpiredEntrySchema[];
}

@ApiSchema({ name: 'FoundAccess', description: 'An access-log entry as the audit recorded it.' })
export class FoundAccessSchema implements FoundAccess {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() topic!: string;
  @ApiProperty({ type: 'integer' }) partition!: number;
  @ApiProperty() offset!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'member, user, action, resource, allowed, reason, channel, count, items, purpose, at' }) entry!: Record<string, unknown>;
}

@ApiSchema({ name: 'AccessLogPage' })
export class AccessLogPageSchema implements AccessLogPage {
  @ApiProperty({ type: [FoundAccessSchema] }) entries!: FoundAccessSchema[];
  @ApiProperty({ type: 'integer' }) scanned!: number;
  @ApiProperty({ type: 'integer' }) expired!: number;
  @ApiProperty({ description: 'The scan stopped at its bound before the window’s start: narrow the window for older entries.' }) truncated!: boolean;
}

@ApiSchema({ name: 'ReplayRequest' })
export class ReplayRequestSchema {
  @ApiProperty({ format: 'date-time', description: 'Every record the broker had written by then is read; none after.' }) asOf!: string;
  @ApiPropertyOptional({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'The day findings are judged as of; by default the day the hub judged its latest announced change as of.' })
  evaluationDate?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'A what-if policy (GET /api/audit/policy, edited); unset: the live one.' }) policy?: Record<string, unknown>;
}

@ApiSchema({ name: 'ConsumerLag' })
export class ConsumerLagSchema implements ConsumerLag {
  @ApiProperty() service!: string;
  @ApiProperty() group!: string;
  @ApiProperty() topic!: string;
  @ApiProperty({ type: 'integer' }) partition!: number;
  @ApiProperty({ type: 'integer', description: 'Records after the last batch the group handled.' }) lag!: number;
}

@ApiSchema({ name: 'ApiKeyInfo', description: 'An API key as operators see it: its id and dates, never its secret.' })
export class ApiKeyInfoSchema implements ApiKeyInfo {
  @ApiProperty() keyId!: string;
  @ApiProperty() memberId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) expiresAt!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) revokedAt!: string | null;
}

@ApiSchema({ name: 'MemberWithKeys' })
export class MemberWithKeysSchema implements MemberWithKeys {
  @ApiProperty() id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: MEMBER_ROLES }) role!: MemberRole;
  @ApiProperty({ type: 'integer' }) recordsPerSecond!: number;
  @ApiProperty({ type: 'integer' }) maxRequestBytes!: number;
  @ApiProperty({ type: [ApiKeyInfoSchema] }) keys!: ApiKeyInfoSchema[];
}
