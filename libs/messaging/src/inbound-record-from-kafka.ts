import type { KafkaMessage } from 'kafkajs';
import type { InboundRecord } from './inbound-record.js';

/** A kafkajs message as the hub's plain InboundRecord (headers decoded to strings). */
export function inboundRecordFromKafka(topic: string, partition: number, message: KafkaMessage): InboundRecord {
  const headers: Record<string, string> = {};
  let repeatedHeaders: string[] | undefined;
  const given = message.headers ?? {};
  for (const name in given) {
    const value = given[name];
    if (value === undefined) continue;
    if (Array.isArray(value)) (repeatedHeaders ??= []).push(name);
    headers[name] = Array.isArray(value) ? value.map(String).join(',') : value.toString();
  }
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? null,
    value: message.value,
    headers,
    ...(repeatedHeaders ? { repeatedHeaders } : {}),
    timestamp: message.timestamp,
  };
}
