import type { ChainBreak } from './chain-verifier.js';

/** What the broker holds of one partition, up to where the chain had reached. */
export interface PartitionOnBroker {
  /** The first offset the broker still has (earlier ones were deleted by retention: nothing to compare). */
  logStart: number;
  /** The offset the next record will take: no record is at or after it. */
  end: number;
  /** The offsets of the data records the broker holds from logStart up to what the audit recorded, ascending
   * (transaction markers, aborted transactions and compacted-away records are not among them). */
  offsets: readonly number[];
  /** Where the audit service's consumer group stands (its committed offset): it commits only what it stored, so the chain holds every record before it. */
  committed?: number;
}

/**
 * Compares a chain's offsets with its partition on the broker (issue 19). An offset the broker still
 * holds a record at, up to the chain's head or the audit's committed offset, must be in the chain: one it skips was dropped, or
 * skipped as a "redelivery" behind a row forged ahead of the head. An entry at or after the end of
 * the partition was never on the broker. Offsets the broker does not hold are skipped for a reason
 * the broker itself shows (a transaction marker, an aborted transaction, compaction, retention).
 * Returns the first break, or none.
 */
export function compareChainWithPartition(topic: string, partition: number, chainOffsets: readonly number[], broker: PartitionOnBroker): ChainBreak | undefined {
  const fail = (kind: ChainBreak['kind'], offset: number, position: number, message: string): ChainBreak => ({
    kind,
    topic,
    partition,
    offset: String(offset),
    position,
    message: `${topic}/${partition}: ${message}`,
  });
  const beyond = chainOffsets.findIndex((offset) => offset >= broker.end);
  if (beyond >= 0) {
    const offset = chainOffsets[beyond];
    return fail('beyond-partition-end', offset, beyond + 1, `the entry at offset ${offset} is at or after the end of the partition on the broker (${broker.end}): no such record was ever written`);
  }
  // Up to the chain's head, or further where the audit committed it had stored more: the end of a chain removed shows too.
  const head = Math.max(chainOffsets.at(-1) ?? -1, (broker.committed ?? 0) - 1);
  let at = 0;
  for (const offset of broker.offsets) {
    if (offset > head) break;
    while (at < chainOffsets.length && chainOffsets[at] < offset) at++;
    if (chainOffsets[at] === offset) continue;
    const missing = broker.offsets.filter((o) => o <= head && !binaryHas(chainOffsets, o)).length;
    return fail(
      'offset-skipped',
      offset,
      at + 1,
      `the broker holds a record at offset ${offset} that the chain skips (${missing} such offset(s) up to its head at ${head}): entries were dropped, or a row forged ahead of the head made the audit take real records for redeliveries`,
    );
  }
  return undefined;
}

function binaryHas(sorted: readonly number[], value: number): boolean {
  let [low, high] = [0, sorted.length - 1];
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] === value) return true;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
