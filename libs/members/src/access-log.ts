import type { AccessDecision } from '@hub/access';
import type { HubProducer, OutboundRecord } from '@hub/messaging';

/** Every access decision, allowed or refused, keyed by member. */
export const ACCESS_LOG_TOPIC = 'hub.access-log';

/** Context flag of a HubError whose decision the code that threw it has written to the access log already (the exception filter does not log it again). */
export const ACCESS_LOGGED = 'accessLogged';

/** One line of the access log: a decision, how many records or items it covered, through which door, and for a read the ids of what was served. */
export interface AccessLogEntry extends AccessDecision {
  channel: 'http' | 'kafka';
  count: number;
  items?: string[];
  /** The purpose the member stated, for an action that needs one (a reveal). */
  purpose?: string;
  at: string;
}

export function accessLogRecord(decision: AccessDecision, channel: 'http' | 'kafka', count: number, at: Date, items?: readonly string[], purpose?: string): OutboundRecord {
  const entry: AccessLogEntry = { ...decision, channel, count, ...(items ? { items: [...items] } : {}), ...(purpose === undefined ? {} : { purpose }), at: at.toISOString() };
  return { topic: ACCESS_LOG_TOPIC, key: decision.member, value: JSON.stringify(entry) };
}

/** Writes access decisions to the access log; resolves once the broker has them (acks=all). */
export class AccessLog {
  constructor(private readonly producer: HubProducer) {}

  async write(decision: AccessDecision, channel: 'http' | 'kafka', count = 1, items?: readonly string[], purpose?: string): Promise<void> {
    await this.producer.send([accessLogRecord(decision, channel, count, new Date(), items, purpose)]);
  }
}
