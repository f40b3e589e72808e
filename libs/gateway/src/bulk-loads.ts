import { randomUUID } from 'node:crypto';
import { BULK_LOAD_TYPE, bulkLoadRecord, type BulkLoadChange } from '@hub/contracts';
import { ErrorCode, HubError } from '@hub/errors';
import { memberTopics, type HubProducer, type KafkaTopicAdmin, type PartitionOffset } from '@hub/messaging';
import type { BulkLoad, BulkLoadRepository } from './bulk-load.repository.js';
import type { GatewayContracts } from './gateway-contracts.js';

/** How many loads one member may have open at once: enough for several systems loading side by side. */
export const MAX_OPEN_LOADS = 10;

/** How long a client is asked to wait while the member's Kafka-native records are still being taken in. */
const INBOUND_RETRY_SECONDS = 5;

/**
 * A department's bulk loads (issue 25): the department opens a load before it sends a large body
 * of records and closes it once every batch was accepted. The gateway announces both
 * (hub.bulk-load.changed.v1); the close names where each of the member's canonical topic
 * partitions ended, so the crosscheck knows when it has judged the whole load. Until then it holds
 * back the findings it raises, and departments hear what the complete load says, not the
 * findings its first half raised and its second half closed.
 */
export class BulkLoads {
  // Only what it uses of its neighbours (its ports), so it is specified without Kafka or PostgreSQL.
  constructor(
    private readonly loads: BulkLoadRepository,
    private readonly contracts: Pick<GatewayContracts, 'forType' | 'topicsOwnedBy'>,
    private readonly producer: Pick<HubProducer, 'send'>,
    private readonly offsets: Pick<KafkaTopicAdmin, 'endOffsets' | 'committedOffsets'>,
    /** The gateway's consumer group, which takes in the members' Kafka-native records. */
    private readonly inboundGroupId: string,
  ) {}

  async open(member: string): Promise<BulkLoad> {
    const open = await this.loads.openCount(member);
    if (open >= MAX_OPEN_LOADS) throw new HubError(ErrorCode.Conflict, `${member} has ${open} bulk loads open; close one before opening another (at most ${MAX_OPEN_LOADS})`, { context: { open } });
    const load: BulkLoad = { loadId: randomUUID(), member, openedAt: new Date().toISOString() };
    // Announced first: a load the crosscheck does not know of holds nothing back.
    await this.announce(load, 'opened');
    await this.loads.add(load);
    return load;
  }

  /**
   * Closes the member's load once everything it sent is on the canonical topics: its records over
   * HTTP were, when each batch was answered; those it produced to its inbound topic must have been
   * taken in (503 with Retry-After until they are). Closing a closed load again answers it as it is.
   */
  async close(member: string, loadId: string): Promise<BulkLoad> {
    const load = await this.get(member, loadId);
    if (load.closedAt) return load;
    const waiting = await this.inboundWaiting(member);
    if (waiting > 0) {
      throw new HubError(ErrorCode.NotReady, `${waiting} of ${member}'s records on ${memberTopics(member).inbound} are not taken in yet; close the load once they are`, {
        canRetry: true,
        context: { waiting, retryAfterSeconds: INBOUND_RETRY_SECONDS },
      });
    }
    return this.closeTakenIn(load, false);
  }

  /**
   * Closes every open load whose member has sent nothing to its canonical topics for `idleMs`, as
   * the member would have: a department system that failed mid-load must not hold the hub's new
   * findings back until the longest hold runs out. Each call notes where the member's topics end;
   * a load is idle from the last call that saw them move (or first saw them). Returns the loads closed.
   */
  async closeIdle(now: Date, idleMs: number): Promise<BulkLoad[]> {
    const closed: BulkLoad[] = [];
    // Loads are few (at most MAX_OPEN_LOADS a member): one look at Kafka each.
    for (const load of await this.loads.openLoads()) {
      const ends = await this.offsets.endOffsets(this.contracts.topicsOwnedBy(load.member));
      if (load.activity === undefined || !sameOffsets(ends, load.activity.offsets)) {
        await this.loads.noteActivity(load.loadId, now.toISOString(), ends);
        continue;
      }
      if (now.getTime() - Date.parse(load.activity.at) < idleMs) continue;
      // Records still to be taken in from the member's inbound topic: it is not idle.
      if ((await this.inboundWaiting(load.member)) === 0) closed.push(await this.closeTakenIn(load, true));
    }
    return closed;
  }

  /** Closes the load, everything its member sent being on the canonical topics: announced, then kept. */
  private async closeTakenIn(load: BulkLoad, idle: boolean): Promise<BulkLoad> {
    const closed: BulkLoad = { ...load, closedAt: new Date().toISOString(), watermarks: await this.offsets.endOffsets(this.contracts.topicsOwnedBy(load.member)) };
    await this.announce(closed, 'closed');
    await this.loads.markClosed(load.loadId, closed.closedAt!, closed.watermarks!, idle);
    // Another gateway (or the idle sweep) may have closed it meanwhile: the close that stands is answered.
    return this.get(load.member, load.loadId);
  }

  /** The member's records on its inbound topic not yet taken in by the gateway's group. */
  private async inboundWaiting(member: string): Promise<number> {
    const inbound = memberTopics(member).inbound;
    return behind(await this.offsets.endOffsets([inbound]), await this.offsets.committedOffsets(this.inboundGroupId, [inbound]));
  }

  async get(member: string, loadId: string): Promise<BulkLoad> {
    const load = /^[0-9a-f-]{36}$/.test(loadId) ? await this.loads.get(member, loadId) : undefined;
    if (!load) throw new HubError(ErrorCode.NotFound, `${member} has no bulk load ${loadId}`);
    return load;
  }

  list(member: string, limit: number): Promise<BulkLoad[]> {
    return this.loads.list(member, limit);
  }

  /** Marks the load judged (or given up) as the crosscheck announced it, so the department sees when its findings are final. */
  judged(change: BulkLoadChange): Promise<void> {
    return this.loads.markJudged(change.loadId, change.judgedAt!, change.change === 'given-up');
  }

  private async announce(load: BulkLoad, change: 'opened' | 'closed'): Promise<void> {
    const contract = this.contracts.forType(BULK_LOAD_TYPE);
    if (!contract) throw new HubError(ErrorCode.NotReady, `no contract is registered for ${BULK_LOAD_TYPE}`, { canRetry: true });
    const data: BulkLoadChange = {
      loadId: load.loadId,
      department: load.member,
      change,
      openedAt: load.openedAt,
      ...(load.closedAt ? { closedAt: load.closedAt, watermarks: load.watermarks! } : {}),
    };
    const validation = contract.validate(data);
    if (!validation.valid) {
      const problems = validation.violations.map((v) => `${v.instancePath || '/'}: ${v.message}`);
      throw new HubError(ErrorCode.BadRequest, `the bulk load cannot be announced: ${problems.join('; ')}`, { context: { problems } });
    }
    await this.producer.send([bulkLoadRecord(data, '/hub/gateway', randomUUID())]);
  }
}

/** Whether two looks at the same topics found each partition ending at the same offset. */
function sameOffsets(now: readonly PartitionOffset[], before: readonly PartitionOffset[]): boolean {
  const seen = new Map(before.map((p) => [`${p.topic}:${p.partition}`, p.offset]));
  return now.length === before.length && now.every((p) => seen.get(`${p.topic}:${p.partition}`) === p.offset);
}

/** How many records are on the partitions and not yet read by the group (a partition it never committed on counts whole). */
function behind(ends: readonly PartitionOffset[], committed: readonly PartitionOffset[]): number {
  const read = new Map(committed.map((c) => [`${c.topic}:${c.partition}`, BigInt(c.offset)]));
  return ends.reduce((sum, end) => {
    const at = read.get(`${end.topic}:${end.partition}`) ?? -1n;
    const lag = BigInt(end.offset) - (at < 0n ? 0n : at);
    return sum + Number(lag > 0n ? lag : 0n);
  }, 0);
}
