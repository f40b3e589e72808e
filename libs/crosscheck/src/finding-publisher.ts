import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { toKafkaBinary } from '@hub/contracts';
import type { HubProducer, RecordSigner } from '@hub/messaging';
import type { BulkLoadHold } from './bulk-load-hold.js';
import { FindingStore, type OutboxEntry } from './finding-store.js';
import type { EventType } from '@hub/contracts';
import { HUB_METRICS } from '@hub/metrics';
import { TRACEPARENT_HEADER } from '@hub/tracing';

export const FINDING_EVENT_TYPE = 'hub.finding.changed.v1' satisfies EventType;
const MAX_EVIDENCE = 100;
/** How often, at most, the publisher asks Kafka whether a closed bulk load has been judged. */
const LOAD_CHECK_INTERVAL_MS = 1000;
const MAX_EXPLANATION = 2000;

/** A finding change as the `hub.finding.changed.v1` event; its id is its place in the outbox, so publishing it again is recognisably the same event. */
function findingEvent(entry: OutboxEntry, topic: string) {
  const { finding } = entry;
  const data = {
    findingId: finding.findingId,
    rule: finding.rule,
    ruleVersion: finding.ruleVersion,
    change: entry.change,
    subject: finding.subject,
    period: finding.period,
    ...(finding.item ? { item: finding.item } : {}),
    routedTo: finding.routedTo,
    ...(finding.county ? { county: finding.county } : {}),
    ...(finding.reveal ? { reveal: { purpose: finding.reveal.purpose } } : {}),
    explanation: finding.explanation.slice(0, MAX_EXPLANATION),
    evidence: finding.evidence.slice(0, MAX_EVIDENCE).map(({ eventId, source, type }) => ({ eventId, source, type })),
    ...(entry.responses.length > 0 ? { responses: entry.responses.slice(-50).map(({ response, reason, respondedAt }) => ({ response, ...(reason ? { reason } : {}), respondedAt })) } : {}),
    occurredAt: entry.occurredAt,
    ...(entry.evaluationDate ? { evaluationDate: entry.evaluationDate } : {}),
  };
  const message = toKafkaBinary(
    {
      specversion: '1.0',
      id: `finding-change-${entry.sequence}`,
      source: '/hub/crosscheck',
      type: FINDING_EVENT_TYPE,
      time: entry.occurredAt,
      subject: finding.subject,
      datacontenttype: 'application/json',
      data,
    },
    finding.subject,
  );
  return { topic, ...message, ...(entry.traceparent ? { headers: { ...message.headers, [TRACEPARENT_HEADER]: entry.traceparent } } : {}) };
}

/**
 * Publishes the outbox in order and marks what the broker has (acks=all). After a crash between
 * the two, the same entries go out again with the same event ids; the gateway keeps the newest
 * change of each finding, so a repeat changes nothing. Raises that have settled go out on a timer
 * as well as after each batch. While a department's bulk load is under way, raises are held back
 * (BulkLoadHold) and go out once it is judged.
 */
export class FindingPublisher {
  private readonly logger = new Logger(FindingPublisher.name);
  private readonly store: FindingStore;
  private running?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private loadsCheckedAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: HubProducer,
    private readonly topic: string,
    private readonly settleMs: number,
    /** Signs each finding change, so the gateway can tell it from one written by anyone else (issue 19). */
    private readonly signer?: RecordSigner,
    private readonly hold?: BulkLoadHold,
  ) {
    this.store = new FindingStore(settleMs);
  }

  /** Publishes what is waiting now, and from then on every half settling time. */
  start(): void {
    this.timer = setInterval(
      () => {
        this.publishPending().catch((error: unknown) => {
          this.logger.warn({ err: error }, 'could not publish finding changes; will try again');
        });
      },
      Math.max(500, this.settleMs / 2),
    );
  }

  stop(): Promise<void> {
    clearInterval(this.timer);
    return this.running ?? Promise.resolve();
  }

  /** Publishes everything waiting; concurrent calls share one run. */
  publishPending(): Promise<void> {
    this.running ??= this.drain().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Each round in one transaction: the changes are locked while the broker is asked, and marked published before the locks go. */
  private async drain(): Promise<void> {
    if (this.hold && Date.now() - this.loadsCheckedAt >= LOAD_CHECK_INTERVAL_MS) {
      this.loadsCheckedAt = Date.now();
      // Kafka away or the database busy: the loads go on holding, and the changes that may go out still do.
      await this.hold.release().catch((error: unknown) => {
        this.logger.warn({ err: error }, 'could not tell whether a bulk load is judged; asking again at the next round');
      });
    }
    for (;;) {
      const published = await this.dataSource.transaction(async (manager) => {
        const holdRaises = (await this.hold?.holding(manager)) ?? false;
        const entries = await this.store.publishable(manager, 5000, holdRaises);
        if (entries.length === 0) return [];
        await this.producer.send(entries.map((entry) => findingEvent(entry, this.topic)).map((record) => this.signer?.sign(record) ?? record));
        await this.store.markPublished(
          manager,
          entries.map((e) => e.sequence),
        );
        this.logger.log({ published: entries.length, lastSequence: entries.at(-1)!.sequence }, 'finding changes published');
        return entries;
      });
      if (published.length === 0) return;
      for (const entry of published) HUB_METRICS.findingsChanged.inc({ rule: entry.finding.rule, change: entry.change });
    }
  }
}
