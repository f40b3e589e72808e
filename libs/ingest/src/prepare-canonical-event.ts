import { departmentSource, findIdentityNumbers, type CloudEvent, type ContractBinding, type ContractViolation, type JsonSchema, type ValidationResult } from '@hub/contracts';
import { pseudonymiseDocument, type NamedPerson, type Pseudonymiser, type Replacement } from '@hub/privacy';
import type { IngestRecord, Rejection } from './ingest-record.js';

/** The contract a record is checked against, as the gateway's catalog holds it. */
export interface IngestContract {
  binding: ContractBinding;
  lifecycle: string;
  schema: JsonSchema;
  validate(document: unknown): ValidationResult;
}

export type PreparedEvent =
  { status: 'accepted'; topic: string; key: string; event: CloudEvent; replacements: Replacement[]; persons: NamedPerson[] } | { status: 'rejected'; rejections: Rejection[] };

const reject = (...rejections: Rejection[]): PreparedEvent => ({ status: 'rejected', rejections });
const dataPath = (violation: ContractViolation) => `/data${violation.instancePath}`;
/** Why a value outside the identifier fields is refused; it never repeats the value, which holds the number. */
export const IDENTITY_NUMBER_OUTSIDE_IDENTIFIERS = '含有公民身份号码: identity numbers may stand only in fields the contract classifies as personal-identifier, never in free text or record ids';
const strayIdentityNumber = (path: string): Rejection => ({ path, reason: IDENTITY_NUMBER_OUTSIDE_IDENTIFIERS });

/** The record's key when its partition key is no identifier: the field's value as text (a valid record has one), else the record id. */
const keyText = (value: unknown, recordId: string) => (typeof value === 'string' || typeof value === 'number' ? String(value) : recordId);

/**
 * Turns a department's record into the canonical event: checks that the department owns the
 * event type and that the data keeps the contract, refuses identity numbers outside identifier
 * fields (in the record id, its time, any other string), replaces personal identifiers by
 * pseudonyms and personal values by keyed tokens (pseudonymiseDocument), and wraps it as a CloudEvent keyed by the (pseudonymised) partition key. Pure: the gateway's
 * HTTP and Kafka paths and any replay run the same code.
 */
export function prepareCanonicalEvent(department: string, record: IngestRecord, contract: IngestContract | undefined, pseudonymiser: Pseudonymiser, now: Date): PreparedEvent {
  if (typeof record.id !== 'string' || record.id.length === 0 || record.id.length > 200) return reject({ path: '/id', reason: 'must be a non-empty string of at most 200 characters' });
  if (findIdentityNumbers(record.id).length > 0) return reject(strayIdentityNumber('/id'));
  if (typeof record.time === 'string' && findIdentityNumbers(record.time).length > 0) return reject(strayIdentityNumber('/time'));
  if (!contract || contract.lifecycle === 'disabled') return reject({ path: '/type', reason: `"${record.type}" is not an event type the hub accepts` });
  if (contract.binding.owner !== department) {
    return reject({ path: '/type', reason: `"${record.type}" belongs to ${contract.binding.owner}; ${department} may not publish it` });
  }
  if (record.time !== undefined && Number.isNaN(Date.parse(record.time))) return reject({ path: '/time', reason: 'must be an ISO 8601 date-time' });
  const validation = contract.validate(record.data);
  if (!validation.valid) return reject(...validation.violations.map((v) => ({ path: dataPath(v), reason: v.message })));

  const { document, replacements, persons, strayIdentityNumbers } = pseudonymiseDocument(contract.schema, record.data, contract.binding.owner, pseudonymiser);
  if (strayIdentityNumbers.length > 0) return reject(...strayIdentityNumbers.map((pointer) => strayIdentityNumber(`/data${pointer}`)));
  const keyField = `/${contract.binding.partitionKey}`;
  const key = replacements.find((r) => r.pointer === keyField)?.pseudonym ?? keyText((record.data as Record<string, unknown>)[contract.binding.partitionKey], record.id);
  return {
    status: 'accepted',
    topic: contract.binding.topic,
    key,
    replacements,
    persons,
    event: {
      specversion: '1.0',
      id: record.id,
      source: departmentSource(department),
      type: contract.binding.topic,
      time: record.time ?? now.toISOString(),
      subject: key,
      dataschema: `urn:nx-hub:contract:${contract.binding.type}:v${contract.binding.version}`,
      datacontenttype: 'application/json',
      data: document,
    },
  };
}
