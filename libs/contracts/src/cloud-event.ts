/**
 * The hub's envelope: CloudEvents 1.0 in Kafka binary content mode. Attributes travel as `ce_`
 * headers, `datacontenttype` as the `content-type` header, the data (JSON) as the record value and
 * the partition key as the record key (the `partitionkey` extension).
 */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time?: string;
  subject?: string;
  dataschema?: string;
  datacontenttype?: string;
  data?: T;
  /** Extension attributes: lower-case letters and digits, string values (e.g. correlationid). */
  extensions?: Record<string, string>;
}

export interface KafkaBinaryMessage {
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

export class EnvelopeError extends Error {
  constructor(
    readonly attribute: string,
    reason: string,
  ) {
    super(`CloudEvent attribute "${attribute}" ${reason}`);
    this.name = 'EnvelopeError';
  }
}

const CONTEXT_ATTRIBUTES = ['id', 'source', 'specversion', 'type', 'time', 'subject', 'dataschema'] as const;
const REQUIRED_ATTRIBUTES = ['id', 'source', 'specversion', 'type'] as const;
const EXTENSION_NAME = /^[a-z0-9]{1,20}$/;
const CONTENT_TYPE = 'content-type';
const JSON_CONTENT = /^application\/([a-z.+-]*\+)?json(;|$)/;

export function toKafkaBinary(event: CloudEvent, partitionKey: string | null): KafkaBinaryMessage {
  const headers: Record<string, string> = {};
  for (const attribute of CONTEXT_ATTRIBUTES) {
    const value = event[attribute];
    if (value !== undefined) headers[`ce_${attribute}`] = value;
  }
  for (const [name, value] of Object.entries(event.extensions ?? {})) {
    if (!EXTENSION_NAME.test(name)) throw new EnvelopeError(name, 'is not a valid extension name (lower-case letters and digits, at most 20)');
    headers[`ce_${name}`] = value;
  }
  const contentType = event.datacontenttype ?? 'application/json';
  headers[CONTENT_TYPE] = contentType;
  const value =
    event.data === undefined ? null : Buffer.isBuffer(event.data) ? event.data : Buffer.from(JSON_CONTENT.test(contentType) ? JSON.stringify(event.data) : String(event.data));
  return { key: partitionKey, value, headers };
}

/** @throws EnvelopeError when a required attribute is missing or the data is not the JSON it claims to be. */
export function fromKafkaBinary(message: KafkaBinaryMessage): CloudEvent {
  for (const attribute of REQUIRED_ATTRIBUTES) {
    if (!message.headers[`ce_${attribute}`]) throw new EnvelopeError(attribute, `is missing (header ce_${attribute})`);
  }
  if (message.headers['ce_specversion'] !== '1.0') throw new EnvelopeError('specversion', `must be "1.0", not "${message.headers['ce_specversion']}"`);
  const event: CloudEvent = { specversion: '1.0', id: '', source: '', type: '' };
  const extensions: Record<string, string> = {};
  for (const [header, value] of Object.entries(message.headers)) {
    if (!header.startsWith('ce_')) continue;
    const name = header.slice(3);
    if ((CONTEXT_ATTRIBUTES as readonly string[]).includes(name)) (event as unknown as Record<string, string>)[name] = value;
    else if (name !== 'datacontenttype') extensions[name] = value;
  }
  const contentType = message.headers[CONTENT_TYPE] ?? message.headers['ce_datacontenttype'];
  if (contentType) event.datacontenttype = contentType;
  if (message.key !== null) extensions['partitionkey'] = message.key;
  if (Object.keys(extensions).length > 0) event.extensions = extensions;
  if (message.value !== null) {
    if (contentType === undefined || JSON_CONTENT.test(contentType)) {
      try {
        event.data = JSON.parse(message.value.toString('utf8'));
      } catch (error) {
        throw new EnvelopeError('data', `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else {
      event.data = message.value;
    }
  }
  return event;
}
