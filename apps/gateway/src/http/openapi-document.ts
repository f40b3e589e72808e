/**
 * The gateway's HTTP API as OpenAPI 3.1, served at /openapi.json. Kept by hand beside the
 * controllers; tests/gateway checks that every path it lists is served.
 */
const problem = { $ref: '#/components/schemas/Problem' };
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: {
          400: 'The request cannot be read (which part, and why, in message).',
          401: 'No API key, or an unknown, revoked or expired one.',
          403: "The member may not do this (e.g. every record is another department's event type).",
          404: 'Not found for this member.',
          413: "The body (sent, or inflated from gzip) is over the member's byte limit, or holds more records than a request may (limit and value name which).",
          415: 'A media type, charset or content encoding the gateway does not read (message names the ones it does).',
          429: "Over the member's records-per-second rate; Retry-After says when to try again.",
          503: 'Kafka or PostgreSQL is unreachable, or the contracts are not loaded yet: nothing was accepted; retry after Retry-After seconds.',
        }[status],
        content: { 'application/json': { schema: problem } },
      },
    ]),
  );
const cursorParameters = [
  { name: 'after', in: 'query', description: 'The nextCursor of the previous page.', schema: { type: 'string', pattern: '^[0-9]{1,18}$' } },
  { name: 'limit', in: 'query', description: 'Page size, 1 to 1000 (default 100).', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
  { name: 'member', in: 'query', description: 'Auditors only: whose items to read (a department reads only its own).', schema: { type: 'string' } },
];
const page = (item: object) => ({
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: { items: { type: 'array', items: item }, nextCursor: { type: ['string', 'null'], description: 'Pass as `after` for the next page; null at the end.' } },
});

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Data-sharing hub: department gateway',
    version: '1.0.0',
    description:
      'How department systems publish records to the hub and read what routes to them. Every request carries an API key. Resident identity numbers are pseudonymised at this gateway; they never leave it in the clear.',
  },
  servers: [{ url: 'http://127.0.0.1:8080' }],
  security: [{ apiKey: [] }, { memberBasic: [] }],
  paths: {
    '/v1/events': {
      post: {
        summary: 'Publish one record or a batch (up to 10,000 records)',
        description:
          "Each record is checked on its own (ownership of the event type, the contract), pseudonymised and written to its canonical topic with acks=all before the answer. A record id the member had accepted before is answered with its original result and not published again. A rejected record goes to the dead-letter topic and the member's rejections; the batch never fails as a whole for one bad record.",
        parameters: [
          { name: 'type', in: 'query', description: 'For text/csv: the event type the rows are (the member has declared a mapping for it).', schema: { type: 'string' } },
          { name: 'Content-Encoding', in: 'header', description: "gzip, or none. The inflated body is held to the member's byte limit.", schema: { enum: ['gzip', 'identity'] } },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { oneOf: [{ $ref: '#/components/schemas/Record' }, { type: 'array', items: { $ref: '#/components/schemas/Record' } }] } },
            'application/x-ndjson': { schema: { type: 'string', description: 'One Record per line.' } },
            'text/csv': {
              schema: {
                type: 'string',
                description: "UTF-8 or GB18030/GBK (the charset parameter, or detected), with or without a byte-order mark; a header row; columns mapped by the member's declared CSV mapping.",
              },
            },
          },
        },
        responses: {
          '200': { description: 'A result per record, in order.', content: { 'application/json': { schema: { $ref: '#/components/schemas/PublishOutcome' } } } },
          '403': {
            description: "Every record was another department's event type (results say so per record).",
            content: { 'application/json': { schema: { $ref: '#/components/schemas/PublishOutcome' } } },
          },
          ...errors(400, 401, 413, 415, 429, 503),
        },
      },
    },
    '/v1/csv-mappings/{type}': {
      put: {
        summary: "Declare how the member's CSV export of an event type maps onto its contract",
        parameters: [{ name: 'type', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/CsvMapping' } } } },
        responses: { '200': { description: 'The mapping is stored.' }, ...errors(400, 401, 403, 404, 503) },
      },
    },
    '/v1/csv-mappings': {
      get: { summary: "The member's declared CSV mappings", responses: { '200': { description: 'Mappings by event type.' }, ...errors(401) } },
    },
    '/v1/rejections': {
      get: {
        summary: "The member's rejected records, oldest first, with their problems (identity numbers masked)",
        parameters: [...cursorParameters, { name: 'type', in: 'query', schema: { type: 'string' } }],
        responses: { '200': { description: 'A page of rejections.', content: { 'application/json': { schema: page({ $ref: '#/components/schemas/Rejection' }) } } }, ...errors(400, 401, 403, 503) },
      },
    },
    '/v1/rejections/{id}/replay': {
      post: {
        summary: "Run a rejected record through the gateway again, as submitted, against today's contracts",
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'The new outcome.', content: { 'application/json': { schema: { $ref: '#/components/schemas/PublishOutcome' } } } }, ...errors(401, 404, 503) },
      },
    },
    '/v1/findings': {
      get: {
        summary: "The member's findings in change order (a change feed), in its own record keys",
        parameters: [
          ...cursorParameters,
          { name: 'state', in: 'query', schema: { enum: ['open', 'closed'] } },
          { name: 'rule', in: 'query', schema: { type: 'string' } },
          { name: 'period', in: 'query', schema: { type: 'string' } },
        ],
        responses: { '200': { description: 'A page of findings.', content: { 'application/json': { schema: page({ $ref: '#/components/schemas/Finding' }) } } }, ...errors(400, 401, 403, 503) },
      },
    },
    '/v1/findings/{id}/responses': {
      post: {
        summary: "Respond to one of the member's findings: acknowledged, resolved, or disputed with a reason",
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['response', 'respondedBy'],
                properties: { response: { enum: ['acknowledged', 'resolved', 'disputed'] }, reason: { type: 'string' }, respondedBy: { type: 'string' } },
              },
            },
          },
        },
        responses: { '202': { description: 'Recorded as a hub.finding-response.recorded.v1 event.' }, ...errors(400, 401, 404, 503) },
      },
    },
    '/v1/findings/{id}/reveal': {
      post: {
        summary: "Who one of the member's open findings is about (identity number and name), where the policy grants it for the finding's rule",
        description:
          "Entitled re-identification: only the member the finding is routed to, only while it is open, only when its rule grants a reveal (the finding carries `reveal.purpose`). The decision, with the purpose stated, is written to the access log before the answer. Another member's finding is 404; a closed one, or one whose rule grants none, 403.",
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['purpose'],
                properties: { purpose: { type: 'string', minLength: 2, maxLength: 200, description: 'Why the member needs to know, e.g. 资助参保; no identity number.' } },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The subject.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['findingId', 'subject', 'purpose', 'identityNumber'],
                  properties: {
                    findingId: { type: 'string' },
                    subject: { type: 'string' },
                    purpose: { type: 'string', description: 'The purpose the policy grants.' },
                    identityNumber: { type: 'string' },
                    name: { type: 'string' },
                  },
                },
              },
            },
          },
          ...errors(400, 401, 403, 404, 503),
        },
      },
    },
    '/v1/facts': {
      get: {
        summary: "The shared facts the member is entitled to: what other departments' events say about the persons it knows, in its own record keys",
        description:
          'A fact is kept per event and person for every contract with sharing rules (x-hub-sharing). A member reads only facts about persons it has published records of, with the fields its rule grants, and the purpose the rule states.',
        parameters: [...cursorParameters, { name: 'type', in: 'query', description: 'One event type (403 when no rule shares it with the member).', schema: { type: 'string' } }],
        responses: {
          '200': { description: 'A page of facts, in arrival order.', content: { 'application/json': { schema: page({ $ref: '#/components/schemas/SharedFact' }) } } },
          ...errors(400, 401, 403, 503),
        },
      },
    },
    '/v1/facts/unjustified-reads': {
      get: {
        summary: 'For auditors: persons whose facts a member read with no finding routed to it and no more than one record of them',
        description:
          'Look-ups through made-up records: a member that published a record of a person only to read what other departments know of them. Auditors only (403 for anyone else); `member` narrows it to one member.',
        parameters: [...cursorParameters, { name: 'member', in: 'query', description: 'One member; every member when absent.', schema: { type: 'string' } }],
        responses: {
          '200': { description: 'A page of reads, by member and person.', content: { 'application/json': { schema: page({ $ref: '#/components/schemas/UnjustifiedFactRead' }) } } },
          ...errors(400, 401, 403, 503),
        },
      },
    },
    '/health/live': { get: { summary: 'The process is up', security: [], responses: { '200': { description: 'Alive.' } } } },
    '/health/ready': { get: { summary: 'Kafka and PostgreSQL are reachable', security: [], responses: { '200': { description: 'Ready.' }, '503': { description: 'Names what is down.' } } } },
    '/openapi.json': { get: { summary: 'This document', security: [], responses: { '200': { description: 'OpenAPI 3.1.' } } } },
  },
  components: {
    securitySchemes: {
      apiKey: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer hub_<key id>_<secret> (or the X-Api-Key header).' },
      memberBasic: { type: 'http', scheme: 'basic', description: 'HTTP Basic with the member id as user name and its API key as password.' },
    },
    schemas: {
      Problem: {
        type: 'object',
        required: ['statusCode', 'error', 'message'],
        properties: {
          statusCode: { type: 'integer' },
          error: { type: 'string' },
          message: { type: 'string' },
          limit: { type: 'string', description: '413 for a submission over a limit: which (e.g. maxRecords).' },
          value: { type: 'integer', description: "The limit's value." },
        },
      },
      Record: {
        type: 'object',
        required: ['id', 'type', 'data'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', maxLength: 200, description: 'CloudEvents id, unique per member: the idempotency key.' },
          type: { type: 'string', description: 'The event type with its major version, e.g. education.student-aid.granted.v1.' },
          time: { type: 'string', format: 'date-time', description: "When it happened at the department; the hub's clock when absent." },
          data: { description: 'The record, as its contract describes it.' },
        },
      },
      RecordResult: {
        type: 'object',
        required: ['index', 'status'],
        properties: {
          index: { type: 'integer', description: 'Position in the submission (0-based).' },
          id: { type: 'string' },
          status: { enum: ['accepted', 'rejected'] },
          topic: { type: 'string', description: 'Accepted: the canonical topic it was written to.' },
          acceptedAt: { type: 'string', format: 'date-time' },
          duplicate: { type: 'boolean', description: 'Accepted before; this is the original result.' },
          code: { enum: ['unreadable', 'unknown-type', 'forbidden', 'invalid'] },
          errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string', description: 'JSON pointer into the record.' }, reason: { type: 'string' } } } },
          rejectionId: { type: 'string', description: 'Rejected: where it is kept (GET /v1/rejections).' },
        },
      },
      PublishOutcome: {
        type: 'object',
        required: ['accepted', 'duplicates', 'rejected', 'results'],
        properties: {
          accepted: { type: 'integer' },
          duplicates: { type: 'integer' },
          rejected: { type: 'integer' },
          allForbidden: { type: 'boolean' },
          results: { type: 'array', items: { $ref: '#/components/schemas/RecordResult' } },
          charset: {
            type: 'object',
            description: 'For text/csv: the character set the export was read in, and whether it was detected rather than declared.',
            properties: { name: { enum: ['utf-8', 'gb18030'] }, detected: { type: 'boolean' } },
          },
        },
      },
      CsvMapping: {
        type: 'object',
        required: ['idColumn', 'columns'],
        properties: {
          idColumn: { type: 'string', description: "The column holding each row's record id." },
          timeColumn: { type: 'string' },
          columns: { type: 'object', additionalProperties: { type: 'string' }, description: 'Column header → contract field.' },
        },
      },
      Rejection: {
        type: 'object',
        properties: {
          rejectionId: { type: 'string' },
          eventId: { type: 'string' },
          eventType: { type: 'string' },
          channel: { enum: ['http', 'kafka'] },
          problems: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, reason: { type: 'string' } } } },
          record: { description: 'As submitted, identity numbers masked (640104********0512).' },
          rejectedAt: { type: 'string', format: 'date-time' },
          replayedAt: { type: ['string', 'null'], format: 'date-time' },
        },
      },
      UnjustifiedFactRead: {
        type: 'object',
        required: ['member', 'subject', 'firstReadAt', 'lastReadAt', 'factsServed', 'records'],
        properties: {
          member: { type: 'string' },
          subject: { type: 'string', description: "The person's pseudonym." },
          firstReadAt: { type: 'string', format: 'date-time' },
          lastReadAt: { type: 'string', format: 'date-time' },
          factsServed: { type: 'integer' },
          records: { type: 'integer', description: 'How many accepted records of the member named the person (0 or 1).' },
        },
      },
      SharedFact: {
        type: 'object',
        properties: {
          sequence: { type: 'string', description: 'Paging cursor (arrival order).' },
          eventType: { type: 'string' },
          eventId: { type: 'string' },
          source: { type: 'string', description: 'The publishing department.' },
          occurredAt: { type: 'string', format: 'date-time' },
          recordKeys: { type: 'object', additionalProperties: { type: 'string' }, description: "The member's own identifiers of the person." },
          fields: { type: 'object', description: 'The fields the sharing rule grants the member.' },
          purpose: { type: 'string', description: "Why the member may read them (the rule's stated purpose)." },
        },
      },
      Finding: {
        type: 'object',
        properties: {
          findingId: { type: 'string' },
          rule: { type: 'string' },
          ruleVersion: { type: 'string' },
          state: { enum: ['open', 'closed'] },
          period: { type: 'string' },
          item: { type: 'string', description: 'The aid item a student-aid finding is about (e.g. senior-high-grant), as the aid contract (version 2) names it.' },
          explanation: { type: 'string' },
          evidence: { type: 'array', items: { type: 'object', properties: { eventId: { type: 'string' }, source: { type: 'string' }, type: { type: 'string' } } } },
          subject: { type: 'string', description: "The hub's pseudonym of the person or household." },
          recordKeys: {
            type: 'object',
            additionalProperties: { type: 'string' },
            description: "The member's own identifiers of the subject (学籍号, household number, certificate number); on the Kafka findings topic, those that embed an identity number are masked.",
          },
          reveal: { type: 'object', properties: { purpose: { type: 'string' } }, description: 'Present when the member may learn who the subject is (POST /v1/findings/{id}/reveal), and for what.' },
          responses: {
            type: 'array',
            description: "The member's responses so far, as the cross-check recorded them.",
            items: { type: 'object', properties: { response: { enum: ['acknowledged', 'resolved', 'disputed'] }, reason: { type: 'string' }, respondedAt: { type: 'string', format: 'date-time' } } },
          },
          occurredAt: { type: 'string', format: 'date-time' },
          sequence: { type: 'string' },
          routedTo: { type: 'string' },
        },
      },
    },
  },
} as const;
