import { readFileSync } from 'node:fs';
import type { HubEnvironment } from '@hub/config';
import type { KafkaSasl, KafkaTls } from './security/kafka-credentials.js';

/** Where the brokers are and who is asking; the part of the environment the Kafka client needs. */
export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** How long a connection attempt may take before the broker counts as unreachable. */
  connectionTimeoutMs?: number;
  /** No client log lines, for probes that expect to fail while a broker starts. */
  quiet?: boolean;
  /** The principal's credentials, for a listener that authenticates (every listener of the hub's broker). */
  sasl?: KafkaSasl;
  tls?: KafkaTls;
}

export function kafkaSettingsFrom(env: HubEnvironment): KafkaSettings {
  return {
    brokers: env.KAFKA_BROKERS,
    clientId: env.SERVICE_NAME,
    ...(env.KAFKA_SASL_USERNAME ? { sasl: { mechanism: env.KAFKA_SASL_MECHANISM, username: env.KAFKA_SASL_USERNAME, password: env.KAFKA_SASL_PASSWORD ?? '' } } : {}),
    ...(env.KAFKA_TLS_CA_FILE ? { tls: { ca: readFileSync(env.KAFKA_TLS_CA_FILE, 'utf8') } } : {}),
  };
}
