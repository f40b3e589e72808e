import type { HubEnvironment } from '@hub/config';

/** Where the brokers are and who is asking; the part of the environment the Kafka client needs. */
export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** How long a connection attempt may take before the broker counts as unreachable. */
  connectionTimeoutMs?: number;
  /** No client log lines, for probes that expect to fail while a broker starts. */
  quiet?: boolean;
}

export function kafkaSettingsFrom(env: HubEnvironment): KafkaSettings {
  return { brokers: env.KAFKA_BROKERS, clientId: env.SERVICE_NAME };
}
