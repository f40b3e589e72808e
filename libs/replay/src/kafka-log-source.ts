import { logCutsAt, readLogCuts, type KafkaSettings } from '@hub/messaging';
import type { LogSource } from './log-source.js';

/** The log as the broker holds it, cut by the offsets Kafka gives for the moment. */
export function kafkaLogSource(settings: KafkaSettings): LogSource {
  return {
    name: 'kafka',
    cutsAt: (topics, until) => logCutsAt(settings, topics, until),
    read: (cuts, onBatch, keep) => readLogCuts(settings, cuts, onBatch, keep),
    close: () => Promise.resolve(),
  };
}
