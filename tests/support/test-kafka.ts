import { readFileSync } from 'node:fs';
import { createKafkaClient, KafkaTopicAdmin, type KafkaSettings, type TopicSpec } from '@hub/messaging';
import { TEST_KAFKA_ADMIN_PASSWORD, TEST_KAFKA_BROKERS, TEST_KAFKA_CA_FILE, TEST_KAFKA_MEMBER_BROKERS, TEST_KAFKA_SERVICE_BROKERS } from '../setup/test-infra-env.js';

/** The test broker's administrator listener, where suites connect (as the administrator: see testKafkaSettings). */
export function testKafkaBrokers(): string[] {
  const brokers = process.env[TEST_KAFKA_BROKERS];
  if (!brokers) throw new Error(`${TEST_KAFKA_BROKERS} is not set: run e2e tests through jest's e2e project (npm test)`);
  return brokers.split(',');
}

/** The administrator's SASL credentials on the test broker; none for a broker started without authentication. */
function adminSasl(brokers: readonly string[]): KafkaSettings['sasl'] {
  const password = process.env[TEST_KAFKA_ADMIN_PASSWORD];
  const onTestBroker = brokers.join(',') === testKafkaBrokers().join(',');
  return password && onTestBroker ? { mechanism: 'plain', username: 'admin', password } : undefined;
}

/**
 * Settings of a client on the test broker, as its administrator (suites test the hub's behaviour,
 * the broker's ACLs have suites of their own), or on a broker a suite started itself.
 */
export function testKafkaSettings(clientId: string, brokers: readonly string[] = testKafkaBrokers()): KafkaSettings {
  const sasl = adminSasl(brokers);
  return { brokers: [...brokers], clientId, ...(sasl ? { sasl } : {}) };
}

/** The Kafka part of the environment of an app a suite starts (the administrator's credentials on the test broker). */
export function testKafkaEnv(brokers: readonly string[] = testKafkaBrokers()): Record<string, string> {
  const sasl = adminSasl(brokers);
  return { KAFKA_BROKERS: brokers.join(','), ...(sasl ? { KAFKA_SASL_MECHANISM: sasl.mechanism, KAFKA_SASL_USERNAME: sasl.username, KAFKA_SASL_PASSWORD: sasl.password } : {}) };
}

/** The Java client's security properties for the test broker's administrator, or none. */
export function testJavaClientProperties(brokers: readonly string[] = testKafkaBrokers()): Record<string, string> {
  const sasl = adminSasl(brokers);
  if (!sasl) return {};
  return {
    'security.protocol': 'SASL_PLAINTEXT',
    'sasl.mechanism': 'PLAIN',
    'sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required username="${sasl.username}" password="${sasl.password}";`,
  };
}

/** The listeners of the hub's services and of the members, and the certificate of the latter, for the suites of the broker's door. */
export function testBrokerListeners(): { services: string[]; members: string[]; ca: string; caFile: string } {
  const [services, members, caFile] = [process.env[TEST_KAFKA_SERVICE_BROKERS], process.env[TEST_KAFKA_MEMBER_BROKERS], process.env[TEST_KAFKA_CA_FILE]];
  if (!services || !members || !caFile) throw new Error('the test broker was not started with authentication (an external HUB_TEST_KAFKA_BROKERS?)');
  return { services: services.split(','), members: members.split(','), ca: readFileSync(caFile, 'utf8'), caFile };
}

/** Creates the suite's own topics on the test broker. */
export async function createTestTopics(specs: readonly TopicSpec[], brokers = testKafkaBrokers()): Promise<void> {
  const admin = new KafkaTopicAdmin(createKafkaClient(testKafkaSettings('test-admin', brokers)));
  try {
    await admin.ensureTopics(specs);
  } finally {
    await admin.disconnect();
  }
}
