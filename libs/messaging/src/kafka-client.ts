import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import { registerCompressionCodecs } from './compression/kafkajs-codecs.js';
import type { KafkaSettings } from './kafka-settings.js';
import { dropKafkajsTimerWarnings } from './kafkajs-timer-warning.js';
import { isTransientKafkaError } from './transient-kafka-errors.js';

const logger = new Logger('kafkajs');

/** kafkajs logs through the app's logger, so its lines are JSON and redacted like the rest; the broker's "ask again" answers at debug. */
function logCreator() {
  return ({ level, log }: LogEntry) => {
    const { message, ...fields } = log;
    const line = { ...fields, msg: message };
    if (isTransientKafkaError(log)) logger.debug(line);
    else if (level === logLevel.ERROR) logger.error(line);
    else if (level === logLevel.WARN) logger.warn(line);
    else logger.debug(line);
  };
}

/**
 * How long the broker may hold a fetch while there is nothing to read: the Java consumer's
 * fetch.max.wait.ms default (kafkajs's is 5 s). A fetch returns as soon as there are records, so
 * this costs no latency; it bounds how long a consumer's disconnect waits for the fetch in flight,
 * which made each stop of an idle consumer take up to 5 s (an app's shutdown, a topic read).
 */
export const FETCH_MAX_WAIT_MS = 500;

export function createKafkaClient(settings: KafkaSettings): Kafka {
  registerCompressionCodecs();
  dropKafkajsTimerWarnings();
  return new Kafka({
    brokers: settings.brokers,
    clientId: settings.clientId,
    connectionTimeout: settings.connectionTimeoutMs ?? 3000,
    ...(settings.sasl
      ? {
          sasl:
            settings.sasl.mechanism === 'plain'
              ? { mechanism: 'plain', username: settings.sasl.username, password: settings.sasl.password }
              : { mechanism: 'scram-sha-512', username: settings.sasl.username, password: settings.sasl.password },
        }
      : {}),
    ...(settings.tls ? { ssl: { ca: [settings.tls.ca] } } : {}),
    logLevel: settings.quiet ? logLevel.NOTHING : logLevel.WARN,
    logCreator,
    // Bounded: an unreachable broker shows up as an error within seconds, and a closed app leaves no reconnect loop behind.
    retry: { initialRetryTime: 200, maxRetryTime: 2000, retries: 5 },
  });
}
