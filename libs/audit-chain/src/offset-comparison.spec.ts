import { compareChainWithPartition, type PartitionOnBroker } from './offset-comparison.js';

const onBroker = (offsets: number[], end = (offsets.at(-1) ?? -1) + 1, logStart = 0): PartitionOnBroker => ({ logStart, end, offsets });
const compare = (chain: number[], broker: PartitionOnBroker) => compareChainWithPartition('t', 0, chain, broker);

describe('a chain compared with its partition on the broker (issue 19)', () => {
  it('finds nothing when the chain holds every record the broker has up to its head', () => {
    expect(compare([0, 1, 2, 3], onBroker([0, 1, 2, 3, 4, 5]))).toBeUndefined();
  });

  it('accepts offsets the broker does not hold: transaction markers, aborted records, compaction', () => {
    expect(compare([0, 2, 5], onBroker([0, 2, 5], 7))).toBeUndefined();
  });

  it('finds entries dropped from the chain, naming the first and how many', () => {
    expect(compare([0, 1, 4], onBroker([0, 1, 2, 3, 4]))).toMatchObject({ kind: 'offset-skipped', offset: '2', message: expect.stringContaining('(2 such offset(s)') });
  });

  it('finds a row forged ahead of the head by the real records it made the audit skip', () => {
    expect(compare([0, 1, 1000, 1001], onBroker(Array.from({ length: 1002 }, (_, i) => i)))).toMatchObject({ kind: 'offset-skipped', offset: '2' });
  });

  it('finds a forged entry beyond the end of the partition', () => {
    expect(compare([0, 1, 50], onBroker([0, 1], 2))).toMatchObject({ kind: 'beyond-partition-end', offset: '50', position: 3 });
  });

  it("does not compare the records after the chain's head, which the audit has not reached yet", () => {
    expect(compare([0, 1], onBroker([0, 1, 2, 3]))).toBeUndefined();
  });

  it('finds the end of a chain removed, by the offset the audit committed it had stored', () => {
    expect(compare([0, 1], { ...onBroker([0, 1, 2, 3]), committed: 4 })).toMatchObject({ kind: 'offset-skipped', offset: '2', message: expect.stringContaining('(2 such offset(s)') });
  });
});
