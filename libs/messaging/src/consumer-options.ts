import type { HubEnvironment } from '@hub/config';
import type { HubKafkaServerOptions } from './hub-kafka-server.js';
import { kafkaSettingsFrom } from './kafka-settings.js';

/** The consumer transport's options as the environment sets them, for one consumer group. */
export function consumerOptionsFrom(env: HubEnvironment, groupId: string): HubKafkaServerOptions {
  return {
    kafka: kafkaSettingsFrom(env),
    groupId,
    deadLetterTopic: env.DEAD_LETTER_TOPIC,
    sessionTimeoutMs: env.CONSUMER_SESSION_TIMEOUT_MS,
    retry: {
      maxAttempts: env.CONSUMER_MAX_ATTEMPTS,
      initialBackoffMs: env.CONSUMER_RETRY_INITIAL_MS,
      maxBackoffMs: env.CONSUMER_RETRY_MAX_MS,
    },
  };
}
