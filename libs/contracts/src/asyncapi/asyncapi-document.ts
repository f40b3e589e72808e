import type { ContractBinding, JsonSchema } from '../contract-annotations.js';

export interface PublishedContract {
  subject: string;
  version: number;
  lifecycle: string;
  binding: ContractBinding;
  schema: JsonSchema;
}

export interface AsyncApiOptions {
  title: string;
  version: string;
  /** Kafka bootstrap servers of the members' listener (SASL/SCRAM-SHA-512 over TLS), by name, e.g. { local: '127.0.0.1:9094' }. */
  servers: Record<string, string>;
}

const KAFKA_BINDING_VERSION = '0.5.0';
/** Channel, message and operation ids must match ^[\w\d.\-_]+$. */
const idOf = (topic: string) => topic.replace(/[^\w.-]/g, '_');

/** The payload as AsyncAPI embeds it: the contract without its registry identity. */
function payloadOf(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...payload } = schema;
  return payload;
}

/**
 * An AsyncAPI 3.0 document of the hub's topics: one channel per topic, its contract as the
 * message, the owner's send operation, Kafka bindings, and the CloudEvents headers.
 */
export function asyncApiDocument(contracts: readonly PublishedContract[], options: AsyncApiOptions): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const contract of [...contracts].sort((a, b) => a.binding.topic.localeCompare(b.binding.topic))) {
    const id = idOf(contract.binding.topic);
    messages[id] = {
      name: contract.binding.type,
      title: typeof contract.schema['title'] === 'string' ? contract.schema['title'] : contract.binding.type,
      summary: `${contract.subject} version ${contract.version} (${contract.lifecycle}), owned by ${contract.binding.owner}`,
      ...(typeof contract.schema['description'] === 'string' ? { description: contract.schema['description'] } : {}),
      contentType: 'application/json',
      headers: {
        type: 'object',
        required: ['ce_id', 'ce_source', 'ce_specversion', 'ce_type'],
        properties: {
          ce_id: { type: 'string', description: 'CloudEvents id' },
          ce_source: { type: 'string', description: 'CloudEvents source: the publishing department' },
          ce_specversion: { type: 'string', const: '1.0' },
          ce_type: { type: 'string', const: contract.binding.topic },
          ce_time: { type: 'string', format: 'date-time' },
          ce_correlationid: { type: 'string', description: 'Follows the event through the hub' },
        },
      },
      payload: payloadOf(contract.schema),
      bindings: { kafka: { key: { type: 'string', description: `pseudonym of ${contract.binding.partitionKey}` }, bindingVersion: KAFKA_BINDING_VERSION } },
    };
    channels[id] = {
      address: contract.binding.topic,
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
      bindings: { kafka: { topic: contract.binding.topic, bindingVersion: KAFKA_BINDING_VERSION } },
    };
    operations[`${id}.send`] = {
      action: 'send',
      summary: `${contract.binding.owner} publishes ${contract.binding.type}`,
      channel: { $ref: `#/channels/${id}` },
      messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
    };
  }
  return {
    asyncapi: '3.0.0',
    info: { title: options.title, version: options.version, description: 'Canonical topics of the data-sharing hub and their contracts (CloudEvents 1.0, Kafka binary mode).' },
    defaultContentType: 'application/json',
    servers: Object.fromEntries(
      Object.entries(options.servers).map(([name, host]) => [
        name,
        { host, protocol: 'kafka-secure', description: "Kafka bootstrap server of the members' listener (TLS)", security: [{ $ref: '#/components/securitySchemes/memberScram' }] },
      ]),
    ),
    channels,
    operations,
    components: {
      messages,
      securitySchemes: {
        memberScram: {
          type: 'scramSha512',
          description:
            'SASL/SCRAM-SHA-512: the principal is the member id; it may write only hub.inbound.<member> and read only hub.results.<member> and hub.findings.<member> (consumer groups beginning "<member>.").',
        },
      },
    },
  };
}
