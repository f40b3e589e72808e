import { randomBytes } from 'node:crypto';
import { Partitioners, type PartitionerArgs } from 'kafkajs';
import { KeyHashPartitioner, murmur2 } from './key-hash-partitioner.js';

const partitions = (count: number): PartitionerArgs['partitionMetadata'] =>
  Array.from({ length: count }, (_, partitionId) => ({ partitionId, leader: 1, partitionErrorCode: 0, replicas: [1], isr: [1] }));

describe('KeyHashPartitioner', () => {
  it("puts every key on the same partition as kafkajs's DefaultPartitioner (the Java client's murmur2)", () => {
    const ours = KeyHashPartitioner();
    const theirs = Partitioners.DefaultPartitioner();
    for (let i = 0; i < 5000; i++) {
      const key = i % 2 === 0 ? randomBytes(i % 37).toString('base64url') : `p1.person.${randomBytes(32).toString('base64url').slice(0, 43)}`;
      const args = { topic: 't', partitionMetadata: partitions(1 + (i % 12)), message: { key, value: null } };
      expect([key, ours(args)]).toEqual([key, theirs(args)]);
    }
  });

  it("gives the Java client's murmur2 of known inputs", () => {
    // From Kafka's UtilsTest.testMurmur2.
    expect(murmur2(Buffer.from('21'))).toBe(-973932308);
    expect(murmur2(Buffer.from('foobar'))).toBe(-790332482);
    expect(murmur2(Buffer.from('a-little-bit-long-string'))).toBe(-985981536);
    expect(murmur2(Buffer.from('a-little-bit-longer-string'))).toBe(-1486304829);
    expect(murmur2(Buffer.from('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'))).toBe(-58897971);
    expect(murmur2(Buffer.from('abc'))).toBe(479470107);
  });

  it('honours a partition given on the record', () => {
    expect(KeyHashPartitioner()({ topic: 't', partitionMetadata: partitions(6), message: { key: 'k', value: null, partition: 4 } })).toBe(4);
  });

  it('spreads keyless records over the partitions that have a leader', () => {
    const partitioner = KeyHashPartitioner();
    const metadata = partitions(3).map((p) => (p.partitionId === 1 ? { ...p, leader: -1 } : p));
    const chosen = new Set(Array.from({ length: 20 }, () => partitioner({ topic: 't', partitionMetadata: metadata, message: { value: null } })));
    expect([...chosen].sort()).toEqual([0, 2]);
  });
});
