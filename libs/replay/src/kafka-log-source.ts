import { readLogUntil, type KafkaSettings } from '@hub/messaging';
import type { LogSource } from './log-source.js';

/** The log as the broker holds it, cut by the offsets Kafka gives for the moment. */
export function kafkaLogSource(settings: KafkaSettings): LogSource {
  return { name: 'kafka', read: (topics, until, onBatch, onCuts) => readLogUntil(settings, topics, until, onBatch, onCuts) };
}
