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
    event.data === undefined
      ? null
      : Buffer.isBuffer(event.data)
        ? event.data
        : Buffer.from(JSON_CONTENT.test(contentType) ? JSON.stringify(event.data) : typeof event.data === 'string' ? event.data : JSON.stringify(event.data));
  return { key: partitionKey, value, headers };
}

const REQUIRED_HEADERS = REQUIRED_ATTRIBUTES.map((attribute) => [attribute, `ce_${attribute}`] as const);
const OPTIONAL_HEADERS = (['time', 'subject', 'dataschema'] as const).map((attribute) => [attribute, `ce_${attribute}`] as const);
const ATTRIBUTE_HEADERS = new Set(CONTEXT_ATTRIBUTES.map((attribute) => `ce_${attribute}`));

/**
 * The event a record carries. Every canonical record a replay reads comes through here, so the
 * known attributes are looked up by name and only the other `ce_` headers are walked.
 * @throws EnvelopeError when a required attribute is missing or the data is not the JSON it claims to be.
 */
export function fromKafkaBinary(message: KafkaBinaryMessage): CloudEvent {
  const headers = message.headers;
  for (const [attribute, header] of REQUIRED_HEADERS) {
    if (!headers[header]) throw new EnvelopeError(attribute, `is missing (header ${header})`);
  }
  if (headers['ce_specversion'] !== '1.0') throw new EnvelopeError('specversion', `must be "1.0", not "${headers['ce_specversion']}"`);
  const event: CloudEvent = { specversion: '1.0', id: headers['ce_id'], source: headers['ce_source'], type: headers['ce_type'] };
  for (const [attribute, header] of OPTIONAL_HEADERS) {
    const value = headers[header];
    if (value !== undefined) event[attribute] = value;
  }
  let extensions: Record<string, string> | undefined;
  for (const header in headers) {
    if (!header.startsWith('ce_') || ATTRIBUTE_HEADERS.has(header) || header === 'ce_datacontenttype') continue;
    (extensions ??= {})[header.slice(3)] = headers[header]!;
  }
  const contentType = headers[CONTENT_TYPE] ?? headers['ce_datacontenttype'];
  if (contentType) event.datacontenttype = contentType;
  if (message.key !== null) (extensions ??= {})['partitionkey'] = message.key;
  if (extensions) event.extensions = extensions;
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
