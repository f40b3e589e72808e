import { chainName, type PartitionOnBroker } from '@hub/audit-chain';
import { committedGroupOffsets, logCutsAt, readLogCuts, type KafkaSettings } from '@hub/messaging';
import type { Chain } from './audit-store.js';

/**
 * What the broker holds of each chain's partition now, up to what the audit recorded (the chain's
 * head, or the audit group's committed offset if further): where its log starts and ends, where the
 * audit's group stands, and the offsets of its data records (read with the hub's own fetch reader,
 * read-committed, so transaction markers and aborted records are not among them). By chain name.
 */
export async function partitionsOnBroker(
  settings: KafkaSettings,
  chains: readonly Chain[],
  heads: ReadonlyMap<string, { lastOffset: string }>,
  /** The audit group's committed offsets by chain name (auditCommittedOffsets), read before the heads were. */
  committed: ReadonlyMap<string, number> = new Map(),
): Promise<Map<string, PartitionOnBroker>> {
  const topics = [...new Set(chains.map((chain) => chain.topic))];
  const cuts = (await logCutsAt(settings, topics, new Date())).filter((cut) => heads.has(chainName(cut.topic, cut.partition)));
  const partitions = new Map<string, PartitionOnBroker & { offsets: number[] }>(
    cuts.map((cut) => {
      const name = chainName(cut.topic, cut.partition);
      return [name, { logStart: Number(cut.start), end: Number(cut.end), offsets: [], ...(committed.has(name) ? { committed: committed.get(name)! } : {}) }];
    }),
  );
  const toRecorded = cuts.map((cut) => {
    const name = chainName(cut.topic, cut.partition);
    const recorded = Math.max(Number(heads.get(name)!.lastOffset) + 1, committed.get(name) ?? 0);
    return { ...cut, end: String(Math.max(Number(cut.start), Math.min(Number(cut.end), recorded))) };
  });
  await readLogCuts(settings, toRecorded, async (records) => {
    for (const record of records) partitions.get(chainName(record.topic, record.partition))!.offsets.push(Number(record.offset));
  });
  return partitions;
}

/** The audit service's committed offsets, by chain name (none where it has committed nothing). */
export async function auditCommittedOffsets(settings: KafkaSettings, group: string, topics: readonly string[]): Promise<Map<string, number>> {
  const offsets = await committedGroupOffsets(settings, group, topics);
  return new Map(offsets.filter((o) => Number(o.offset) >= 0).map((o) => [chainName(o.topic, o.partition), Number(o.offset)]));
}
