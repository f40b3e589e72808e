import { createKafkaClient, KafkaTopicAdmin, type TopicSpec } from '@hub/messaging';
import { TEST_KAFKA_BROKERS } from '../setup/test-infra-env.js';

export function testKafkaBrokers(): string[] {
  const brokers = process.env[TEST_KAFKA_BROKERS];
  if (!brokers) throw new Error(`${TEST_KAFKA_BROKERS} is not set: run e2e tests through jest's e2e project (npm test)`);
  return brokers.split(',');
}

/** Creates the suite's own topics on the test broker. */
export async function createTestTopics(specs: readonly TopicSpec[], brokers = testKafkaBrokers()): Promise<void> {
  const admin = new KafkaTopicAdmin(createKafkaClient({ brokers, clientId: 'test-admin' }));
  try {
    await admin.ensureTopics(specs);
  } finally {
    await admin.disconnect();
  }
}
