import type { AccessDecision } from '@hub/access';
import type { HubProducer, OutboundRecord } from '@hub/messaging';
import { ACCESS_LOG_TOPIC } from './gateway-topics.js';

/** One line of the access log: a decision, how many records or items it covered, and through which door. */
export interface AccessLogEntry extends AccessDecision {
  channel: 'http' | 'kafka';
  count: number;
  at: string;
}

export function accessLogRecord(decision: AccessDecision, channel: 'http' | 'kafka', count: number, at: Date): OutboundRecord {
  const entry: AccessLogEntry = { ...decision, channel, count, at: at.toISOString() };
  return { topic: ACCESS_LOG_TOPIC, key: decision.member, value: JSON.stringify(entry) };
}

/** Writes access decisions to the access log; resolves once the broker has them (acks=all). */
export class AccessLog {
  constructor(private readonly producer: HubProducer) {}

  async write(decision: AccessDecision, channel: 'http' | 'kafka', count = 1): Promise<void> {
    await this.producer.send([accessLogRecord(decision, channel, count, new Date())]);
  }
}
