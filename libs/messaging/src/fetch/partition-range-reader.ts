import type { Admin } from 'kafkajs';
import { ErrorCode, HubError } from '@hub/errors';
import type { InboundRecord } from '../inbound-record.js';
import type { KafkaSasl, KafkaTls } from '../security/kafka-credentials.js';
import { BrokerConnection } from './broker-connection.js';
import { fetchRequest, fetchResponse, type FetchLimits, type PartitionFetch } from './fetch-protocol.js';
import { decodeRecordBatches, type KeyFilter } from './record-batches.js';

/** The records of one partition from `start` up to `end` (exclusive). */
export interface PartitionRange {
  topic: string;
  partition: number;
  start: number;
  end: number;
}

export interface RangeReaderOptions {
  clientId: string;
  connectionTimeoutMs: number;
  tls?: KafkaTls;
  sasl?: KafkaSasl;
  /** How long the reader waits for a partition that stops short of its range's end before it gives up. */
  stallTimeoutMs?: number;
  /** Only the records whose key passes are handed on (and decoded). */
  keep?: KeyFilter;
}

/** Answers that mean the partition's leader moved or is being elected: ask for the leaders again and go on. */
const LEADERSHIP_ERRORS = new Set([3, 5, 6, 56, 74, 75]);
const ERROR_NAMES: Record<number, string> = { 1: 'OFFSET_OUT_OF_RANGE', 3: 'UNKNOWN_TOPIC_OR_PARTITION', 6: 'NOT_LEADER_OR_FOLLOWER', 29: 'TOPIC_AUTHORIZATION_FAILED' };
const LIMITS: FetchLimits = { maxWaitMs: 100, maxBytes: 16 * 1_048_576, partitionMaxBytes: 4 * 1_048_576 };
const ATTEMPTS = 6;

interface Progress {
  range: PartitionRange;
  next: number;
}

const placeOf = (range: PartitionRange) => `${range.topic}/${range.partition}`;
const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads partition ranges straight from their leaders with Fetch requests and decodes the record
 * batches itself, without joining a consumer group: a one-pass reading of a known range needs no
 * group, and kafkajs's consumer spends most of a reading's time decoding. Each leader's next fetch
 * is sent before the records of the last are handed on, so the broker reads while `onBatch` works.
 * `onBatch` gets one partition's records at a time, in offset order, never two calls at once;
 * their values are views into the connection's reused response bytes, valid until it settles.
 * Leadership moves and dropped connections are retried with the leaders asked again.
 */
export async function readPartitionRanges(admin: Admin, ranges: readonly PartitionRange[], onBatch: (records: InboundRecord[]) => Promise<void>, options: RangeReaderOptions): Promise<number> {
  let remaining: Progress[] = ranges.filter((range) => range.start < range.end).map((range) => ({ range, next: range.start }));
  let records = 0;
  // Leaders are read at once, but their records are handed on one batch at a time; the first failure of `onBatch` ends the reading.
  let handedOn = Promise.resolve();
  let handOnFailure: { error: unknown } | undefined;
  const handOn = (batch: InboundRecord[]) => {
    const turn = handedOn.then(async () => {
      if (handOnFailure) throw handOnFailure.error;
      await onBatch(batch);
      records += batch.length;
    });
    handedOn = turn.then(undefined, (error: unknown) => {
      handOnFailure ??= { error };
    });
    return turn;
  };
  for (let attempt = 1; remaining.length > 0; attempt++) {
    const before = remaining.reduce((sum, progress) => sum + progress.next, 0);
    const leaders = await leadersOf(admin, remaining);
    const outcomes = await Promise.all([...leaders].map(([address, progress]) => settle(readFromLeader(address, progress, handOn, options))));
    if (handOnFailure) throw handOnFailure.error;
    const failure = outcomes.find((outcome) => 'error' in outcome);
    const error = failure && 'error' in failure ? failure.error : undefined;
    if (error !== undefined && !(error instanceof HubError && error.canRetry)) throw error instanceof Error ? error : new Error(JSON.stringify(error));
    const after = remaining.reduce((sum, progress) => sum + progress.next, 0);
    remaining = remaining.filter((progress) => progress.next < progress.range.end);
    if (after > before) attempt = 0;
    else if (attempt >= ATTEMPTS)
      throw error ?? new HubError(ErrorCode.KafkaUnavailable, `no leader served ${remaining.map((p) => placeOf(p.range)).join(', ')} after ${ATTEMPTS} attempts`, { canRetry: true });
    if (remaining.length > 0) await sleep(Math.min(200 * 2 ** attempt, 2000));
  }
  await handedOn;
  if (handOnFailure) throw handOnFailure.error;
  return records;
}

/** The partitions left to read, by their leader's address. */
async function leadersOf(admin: Admin, remaining: readonly Progress[]): Promise<Map<string, Progress[]>> {
  const [{ topics }, { brokers }] = await Promise.all([admin.fetchTopicMetadata({ topics: [...new Set(remaining.map((p) => p.range.topic))] }), admin.describeCluster()]);
  const addresses = new Map(brokers.map((broker) => [broker.nodeId, `${broker.host}:${broker.port}`]));
  const leaderOf = new Map(topics.flatMap((topic) => topic.partitions.map((partition) => [`${topic.name}/${partition.partitionId}`, addresses.get(partition.leader)])));
  const byLeader = new Map<string, Progress[]>();
  for (const progress of remaining) {
    const address = leaderOf.get(placeOf(progress.range));
    if (address === undefined) continue;
    const led = byLeader.get(address);
    if (led) led.push(progress);
    else byLeader.set(address, [progress]);
  }
  return byLeader;
}

/** Fetches the leader's partitions until each reaches its end, or the leader stops serving one (it is then left for the next attempt). */
async function readFromLeader(address: string, partitions: Progress[], handOn: (records: InboundRecord[]) => Promise<void>, options: RangeReaderOptions): Promise<void> {
  const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
  const connection = await BrokerConnection.open(host, port, {
    clientId: options.clientId,
    timeoutMs: options.connectionTimeoutMs,
    ...(options.tls ? { tls: options.tls } : {}),
    ...(options.sasl ? { sasl: options.sasl } : {}),
  });
  const stallTimeoutMs = options.stallTimeoutMs ?? 30_000;
  const send = (active: readonly Progress[]) => {
    const fetches: PartitionFetch[] = active.map((p) => ({ topic: p.range.topic, partition: p.range.partition, offset: p.next }));
    const correlationId = connection.correlationId();
    return settle(connection.send(fetchRequest(correlationId, options.clientId, LIMITS, fetches), correlationId));
  };
  const byPlace = new Map(partitions.map((progress) => [placeOf(progress.range), progress]));
  let active = partitions;
  let lastProgressAt = Date.now();
  let inFlight = send(active);
  try {
    for (;;) {
      const answer = await inFlight;
      if ('error' in answer) throw answer.error;
      const batches: InboundRecord[][] = [];
      const moved = new Set<Progress>();
      for (const fetched of fetchResponse(answer.value)) {
        const place = `${fetched.topic}/${fetched.partition}`;
        const progress = byPlace.get(place);
        if (!progress) continue;
        if (fetched.errorCode !== 0) {
          if (LEADERSHIP_ERRORS.has(fetched.errorCode)) moved.add(progress);
          else throw fetchError(progress, fetched.errorCode);
          continue;
        }
        if (!fetched.recordSet) continue;
        const decoded = decodeRecordBatches(fetched.recordSet, { topic: fetched.topic, partition: fetched.partition, from: progress.next, to: progress.range.end }, fetched.aborted, options.keep);
        if (decoded.nextOffset > progress.next) lastProgressAt = Date.now();
        // Past the range's end when a batch reaches beyond it: the partition is then done.
        progress.next = decoded.nextOffset;
        if (decoded.records.length > 0) batches.push(decoded.records);
      }
      active = active.filter((progress) => progress.next < progress.range.end && !moved.has(progress));
      if (active.length > 0 && Date.now() - lastProgressAt > stallTimeoutMs) throw stalled(active, stallTimeoutMs);
      // The next fetch goes out before these records are worked on.
      if (active.length > 0) inFlight = send(active);
      for (const batch of batches) await handOn(batch);
      if (active.length === 0) return;
    }
  } finally {
    connection.close();
  }
}

function fetchError(progress: Progress, code: number): HubError {
  const place = placeOf(progress.range);
  const why = code === 1 ? ': the records were deleted (retention) after the range was set; read them from the audit store' : '';
  return new HubError(ErrorCode.UnexpectedKafkaResponse, `fetching ${place} from offset ${progress.next} failed with Kafka error ${ERROR_NAMES[code] ?? code}${why}`, {
    context: { place, offset: progress.next, code },
  });
}

function stalled(active: readonly Progress[], timeoutMs: number): HubError {
  const places = active.map((p) => `${placeOf(p.range)} at ${p.next} of ${p.range.end}`).join(', ');
  return new HubError(ErrorCode.KafkaUnavailable, `no records came for ${places} in ${timeoutMs} ms (an open transaction holding back the range's end?)`, { context: { places } });
}
