import type { KafkaSettings } from '@hub/messaging';

/** The SASL settings of this process's Kafka clients (KAFKA_SASL_*), for kafkajs's own options: the baselines connect as the hub does. */
export function benchSasl(): { sasl?: { mechanism: 'plain'; username: string; password: string } | { mechanism: 'scram-sha-512'; username: string; password: string } } {
  const username = process.env['KAFKA_SASL_USERNAME'];
  if (!username) return {};
  const password = process.env['KAFKA_SASL_PASSWORD'] ?? '';
  return { sasl: process.env['KAFKA_SASL_MECHANISM'] === 'plain' ? { mechanism: 'plain', username, password } : { mechanism: 'scram-sha-512', username, password } };
}

/** Settings of one of the benchmark's own hub clients. */
export const benchKafkaSettings = (brokers: readonly string[], clientId: string): KafkaSettings => ({ brokers: [...brokers], clientId, ...benchSasl() });
