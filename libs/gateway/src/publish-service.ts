import { decidePublish, type AccessDecision } from '@hub/access';
import { scrubIdentityNumbers, toKafkaBinary } from '@hub/contracts';
import { ErrorCode } from '@hub/errors';
import { prepareCanonicalEvent, type IngestContract, type Rejection, type SubmissionEntry } from '@hub/ingest';
import { HubProducer, KafkaTopicAdmin, RecordHeader, type OutboundRecord } from '@hub/messaging';
import { maskIdentityNumbers, pseudonymiseIdentityNumbers, type NamedPerson, type Pseudonymiser, type Replacement } from '@hub/privacy';
import { accessLogRecord, type Member } from '@hub/members';
import type { GatewayContracts } from './gateway-contracts.js';
import type { IdentityVault } from './identity-vault.js';
import type { SharedFacts } from './shared-facts.js';
import { RecentlyWritten } from './recently-written.js';
import type { AcceptedEntry, IngestChannel, IngestLedger, RecordKeyEntry, RejectionEntry } from './ingest-ledger.repository.js';
import type { PublishOutcome, RecordResult, RejectionCode } from './publish-result.js';

export interface PublishServiceOptions {
  deadLetterTopic: string;
  canonicalTopicPartitions: number;
}

/** The headers a gateway rejection carries on the dead-letter topic, beside the hub's hub_dlq_* ones. */
export const REJECTION_HEADERS = { Publisher: 'hub_publisher', Channel: 'hub_channel', EventType: 'hub_event_type' } as const;

type Planned =
  | { kind: 'accept'; index: number; id: string; type: string; topic: string; record: OutboundRecord; replacements: Replacement[]; persons: NamedPerson[] }
  | { kind: 'repeat'; index: number; id: string; topic: string; acceptedAt: string; subjects: string[] }
  | { kind: 'reject'; index: number; id?: string; type?: string; owner?: string; code: RejectionCode; errors: Rejection[]; raw: unknown };

/**
 * The one way records enter the hub, for the HTTP and the Kafka path alike: each record is checked
 * (ownership, contract), pseudonymised and wrapped by the pure ingest code; the batch's outcome is
 * written, its canonical events, dead letters and access decisions go to Kafka in one acks=all
 * send, and only then is the outcome committed and answered. A record id the member had accepted before is answered with its
 * original result and not published again.
 */
export class PublishService {
  private readonly knownTopics = new Set<string>();
  /** Vault entries and record keys this process wrote lately: unchanged ones are not sealed and written again. */
  private readonly written = new RecentlyWritten();

  constructor(
    private readonly contracts: GatewayContracts,
    private readonly pseudonymiser: Pseudonymiser,
    private readonly producer: HubProducer,
    private readonly topicAdmin: KafkaTopicAdmin,
    private readonly ledger: IngestLedger,
    private readonly vault: IdentityVault,
    private readonly facts: Pick<SharedFacts, 'knownBy'>,
    private readonly options: PublishServiceOptions,
  ) {}

  async publish(member: Member, entries: readonly SubmissionEntry[], channel: IngestChannel): Promise<PublishOutcome> {
    const now = new Date();
    const plans = this.plan(member, entries, now);
    await this.absorbRepeats(member, plans, now);

    const accepted = plans.filter((p): p is Extract<Planned, { kind: 'accept' }> => p.kind === 'accept');
    const rejected = plans.filter((p): p is Extract<Planned, { kind: 'reject' }> => p.kind === 'reject');
    const outbound = (rejectionIds: readonly string[]) => [
      ...accepted.map((p) => p.record),
      ...rejected.map((p, i) => this.deadLetter(member, channel, p, rejectionIds[i], now)),
      ...this.accessDecisions(member, plans).map(({ decision, count }) => accessLogRecord(decision, channel, count, now)),
    ];
    await this.ensureTopics(accepted.map((p) => p.topic));
    const { recordKeys, persons } = this.notWrittenYet(member, accepted);
    // The outcome is written, then the broker asked, then the outcome committed: all of the request is kept, or none.
    const rejectionIds = await this.ledger.record(
      {
        member: member.id,
        channel,
        at: now,
        accepted: accepted.map((p): AcceptedEntry => ({ eventId: p.id, eventType: p.type, topic: p.topic })),
        recordKeys: [...recordKeys.values()],
        rejected: rejected.map((p): RejectionEntry => ({
          ...(p.id === undefined ? {} : { eventId: p.id }),
          ...(p.type === undefined ? {} : { eventType: p.type }),
          problems: p.errors,
          record: p.raw,
        })),
        identities: this.vault.entriesFor([...persons.values()]),
        subjects: accepted.flatMap((p) => [...new Set(p.persons.map((person) => person.pseudonym))]),
      },
      (ids) => this.producer.send(outbound(ids)),
    );
    // Only once the keys are committed (PostgresSharedFactRepository.keep says why). Should this fail, the request is
    // answered with the error; its retry is answered as duplicates, whose persons are looked up again here.
    const repeated = plans.flatMap((p) => (p.kind === 'repeat' ? p.subjects : []));
    await this.facts.knownBy(member.id, [...new Set([...[...recordKeys.values()].map((key) => key.pseudonym), ...repeated])]);
    this.written.addAll([...recordKeys.keys(), ...persons.keys()]);
    const rejectionIdOf = new Map(rejected.map((p, i) => [p.index, rejectionIds[i]]));
    const results = plans.map((p): RecordResult => {
      if (p.kind === 'accept') return { index: p.index, id: p.id, status: 'accepted', topic: p.topic, acceptedAt: now.toISOString(), duplicate: false };
      if (p.kind === 'repeat') return { index: p.index, id: p.id, status: 'accepted', topic: p.topic, acceptedAt: p.acceptedAt, duplicate: true };
      return { index: p.index, ...(p.id === undefined ? {} : { id: p.id }), status: 'rejected', code: p.code, errors: p.errors, rejectionId: rejectionIdOf.get(p.index)! };
    });
    return {
      accepted: accepted.length,
      duplicates: plans.length - accepted.length - rejected.length,
      rejected: rejected.length,
      allForbidden: plans.length > 0 && plans.every((p) => p.kind === 'reject' && p.code === 'forbidden'),
      results,
    };
  }

  private plan(member: Member, entries: readonly SubmissionEntry[], now: Date): Planned[] {
    const contractOf = new Map<string, IngestContract | undefined>();
    return entries.map((entry): Planned => {
      if ('unreadable' in entry) return { kind: 'reject', index: entry.index, code: 'unreadable', errors: [entry.unreadable], raw: entry.raw };
      const { record, index } = entry;
      if (!contractOf.has(record.type)) contractOf.set(record.type, this.contracts.forType(record.type));
      const contract = contractOf.get(record.type);
      const prepared = prepareCanonicalEvent(member.id, record, contract, this.pseudonymiser, now);
      if (prepared.status === 'rejected') {
        const owner = contract && contract.lifecycle !== 'disabled' ? contract.binding.owner : undefined;
        const code: RejectionCode = owner === undefined ? 'unknown-type' : owner !== member.id ? 'forbidden' : 'invalid';
        // The id and type are answered, listed and logged: one that holds an identity number is kept masked (the record itself is sealed).
        const [id, type] = maskIdentityNumbers([record.id, record.type]) as [string, string];
        return { kind: 'reject', index, id, type, ...(owner === undefined ? {} : { owner }), code, errors: prepared.rejections, raw: record };
      }
      const message = toKafkaBinary(prepared.event, prepared.key);
      return {
        kind: 'accept',
        index,
        id: record.id,
        type: record.type,
        topic: prepared.topic,
        record: { topic: prepared.topic, key: message.key, value: message.value, headers: message.headers },
        replacements: prepared.replacements,
        persons: prepared.persons,
      };
    });
  }

  /**
   * The record keys and vault entries of the accepted records that this process has not written
   * lately, by the key it remembers them by (the pseudonyms' last 22 characters, 132 bits of their
   * MAC, so the set stays small). The vault is fed by the records that name a person (a
   * household's members, a certificate holder, a student): those are who a reveal is for.
   */
  private notWrittenYet(member: Member, accepted: readonly Extract<Planned, { kind: 'accept' }>[]) {
    const recordKeys = new Map(
      accepted.flatMap((p) => recordKeysOf(p.replacements, p.record.key)).map((k) => [`${member.id}|${k.pseudonym.slice(-22)}|${k.field}|${k.originalPseudonym.slice(-22)}`, k]),
    );
    const named = accepted.flatMap((p) => p.persons).filter((person): person is NamedPerson & { name: string } => person.name !== undefined);
    const persons = new Map(named.map((person) => [`${person.pseudonym.slice(-22)}|${person.name}`, person]));
    for (const key of recordKeys.keys()) if (this.written.has(key)) recordKeys.delete(key);
    for (const key of persons.keys()) if (this.written.has(key)) persons.delete(key);
    return { recordKeys, persons };
  }

  /**
   * Turns records accepted before (in an earlier request, or earlier in this one) into repeats of that
   * result. A repeat of an earlier request keeps the persons it names: a retry is how a request whose
   * facts lookup failed after its commit gets it done (a member's read checks its record keys anyway).
   */
  private async absorbRepeats(member: Member, plans: Planned[], now: Date): Promise<void> {
    const candidates = plans.filter((p) => p.kind === 'accept');
    const earlier = await this.ledger.acceptedEarlier(member.id, [...new Set(candidates.map((p) => p.id))]);
    const firstInBatch = new Map<string, number>();
    plans.forEach((plan, i) => {
      if (plan.kind !== 'accept') return;
      const before = earlier.get(plan.id);
      const subjects = [...new Set(recordKeysOf(plan.replacements, plan.record.key).map((key) => key.pseudonym))];
      if (before) plans[i] = { kind: 'repeat', index: plan.index, id: plan.id, topic: before.topic, acceptedAt: before.acceptedAt, subjects };
      else if (firstInBatch.has(plan.id)) plans[i] = { kind: 'repeat', index: plan.index, id: plan.id, topic: plan.topic, acceptedAt: now.toISOString(), subjects: [] };
      else firstInBatch.set(plan.id, i);
    });
  }

  /**
   * A rejected record on the dead-letter topic: which rejection it is and why, never the record
   * itself (it may hold names and identity numbers anywhere); the record as sent stays sealed in
   * the gateway, for its member to list and replay (/v1/rejections/{rejectionId}).
   */
  private deadLetter(member: Member, channel: IngestChannel, plan: Extract<Planned, { kind: 'reject' }>, rejectionId: string, now: Date): OutboundRecord {
    const summary = plan.errors.map((e) => `${e.path || '/'}: ${e.reason}`).join('; ');
    const rejection = { rejectionId, ...(plan.id === undefined ? {} : { eventId: plan.id }), ...(plan.type === undefined ? {} : { eventType: plan.type }), problems: plan.errors };
    return {
      topic: this.options.deadLetterTopic,
      key: member.id,
      value: JSON.stringify(pseudonymiseIdentityNumbers(rejection, this.pseudonymiser)),
      headers: {
        [RecordHeader.DeadLetterErrorCode]: ErrorCode.RecordRejected,
        [RecordHeader.DeadLetterErrorMessage]: scrubIdentityNumbers(summary).slice(0, 2000),
        [RecordHeader.DeadLetterSourceTopic]: `gateway/${channel}`,
        [RecordHeader.DeadLetterFailedAt]: now.toISOString(),
        [REJECTION_HEADERS.Publisher]: member.id,
        [REJECTION_HEADERS.Channel]: channel,
        ...(plan.type === undefined ? {} : { [REJECTION_HEADERS.EventType]: scrubIdentityNumbers(plan.type) }),
      },
    };
  }

  /** One access decision per event type in the batch, with how many records it covered. */
  private accessDecisions(member: Member, plans: readonly Planned[]): { decision: AccessDecision; count: number }[] {
    const counts = new Map<string, { decision: AccessDecision; count: number }>();
    for (const plan of plans) {
      if (plan.kind === 'reject' && plan.code === 'unreadable') continue;
      const type = plan.kind === 'reject' ? plan.type! : plan.kind === 'accept' ? plan.type : plan.topic;
      const decision = decidePublish(member.id, type, plan.kind === 'reject' ? plan.owner : member.id);
      const key = `${type}\u0000${decision.allowed}`;
      const entry = counts.get(key) ?? { decision, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
    return [...counts.values()];
  }

  private async ensureTopics(topics: readonly string[]): Promise<void> {
    const missing = [...new Set(topics)].filter((topic) => !this.knownTopics.has(topic));
    if (missing.length === 0) return;
    await this.topicAdmin.ensureTopics(missing.map((topic) => ({ topic, numPartitions: this.options.canonicalTopicPartitions })));
    for (const topic of missing) this.knownTopics.add(topic);
  }
}

/**
 * The member's own identifiers (not identity numbers) behind the pseudonyms a finding can be about
 * (the persons in the record, and its partition key, e.g. the household), so that a finding about
 * that person reaches Education as its student (学籍号), and one about a household reaches Civil
 * Affairs as its household number.
 */
function recordKeysOf(replacements: readonly Replacement[], key: string | null): RecordKeyEntry[] {
  const own = replacements.filter((r) => r.domain !== 'person');
  const subjects = new Set(replacements.filter((r) => r.domain === 'person').map((r) => r.pseudonym));
  if (key !== null && replacements.some((r) => r.pseudonym === key)) subjects.add(key);
  return [...subjects].flatMap((pseudonym) => own.map((r) => ({ pseudonym, field: r.pointer.slice(1), original: r.original, originalPseudonym: r.pseudonym })));
}
