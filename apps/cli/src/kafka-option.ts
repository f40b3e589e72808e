import { existsSync, readFileSync } from 'node:fs';
import type { KafkaSettings } from '@hub/messaging';
import type { CliEnvironment } from './cli-environment.js';
import { localHubFile } from './local-hub-file.js';

/** Where `npm start` keeps the local hub's Kafka credentials. */
const LOCAL_KAFKA_CREDENTIALS = localHubFile('kafka-credentials.json');

/**
 * The Kafka settings of the `hub` command's readers (audit verify, replay): the principal in
 * KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD (and KAFKA_TLS_CA_FILE) if set, else, on the local
 * hub's broker, its auditors' principal (`hub-auditor-tools`, read-only), else none (a broker
 * without authentication). kafkajs logs nothing.
 */
export function readerKafkaSettings(env: CliEnvironment, brokers: string, clientId: string): KafkaSettings {
  // Quiet: the command says in one line what failed; kafkajs's retries on the way are noise to whoever runs it.
  const settings: KafkaSettings = { brokers: brokers.split(','), clientId, quiet: true };
  const username = env.KAFKA_SASL_USERNAME;
  const tls = env.KAFKA_TLS_CA_FILE ? { tls: { ca: readFileSync(env.KAFKA_TLS_CA_FILE, 'utf8') } } : {};
  if (username) return { ...settings, ...tls, sasl: { mechanism: env.KAFKA_SASL_MECHANISM, username, password: env.KAFKA_SASL_PASSWORD ?? '' } };
  if (!existsSync(LOCAL_KAFKA_CREDENTIALS)) return { ...settings, ...tls };
  const kept = JSON.parse(readFileSync(LOCAL_KAFKA_CREDENTIALS, 'utf8')) as { brokers?: string; services?: Record<string, { username: string; password: string }> };
  const local = kept.brokers === brokers ? kept.services?.['auditor-tools'] : undefined;
  return local ? { ...settings, ...tls, sasl: { mechanism: 'scram-sha-512', ...local } } : { ...settings, ...tls };
}
