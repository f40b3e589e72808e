/**
 * A department's bulk load at the gateway (issue 25): opened and closed, each announced on
 * hub.bulk-load.changed.v1 as the hub's contract says; the close names where the member's canonical
 * topics end, once its Kafka-native records are all taken in. The use case over stand-ins of its
 * ports: the standard contract, a producer and a load store that keep what they are given, and
 * the offsets a test sets.
 */
import { BULK_LOAD_TYPE, ContractValidator, fromKafkaBinary } from '@hub/contracts';
import { ErrorCode } from '@hub/errors';
import { BulkLoads, MAX_OPEN_LOADS, type BulkLoad } from '@hub/gateway';
import type { OutboundRecord, PartitionOffset } from '@hub/messaging';
import { standardContracts } from '../support/standard-contracts.js';
import { refusal } from '../support/refusal.js';

const { schema, binding } = standardContracts().find((c) => c.binding.topic === BULK_LOAD_TYPE)!;
const validator = new ContractValidator();
const id = validator.add(schema);
const ENROLMENT = 'education.student-enrolment.changed.v1';
const AID = 'education.student-aid.granted.v1';
const INBOUND = 'hub.inbound.education';

function bulkLoads(offsets: { ends: PartitionOffset[]; committed: PartitionOffset[] } = { ends: [], committed: [] }) {
  const sent: OutboundRecord[] = [];
  const kept = new Map<string, BulkLoad>();
  const activity = new Map<string, { at: string; offsets: PartitionOffset[] }>();
  const useCase = new BulkLoads(
    {
      add: (load) => Promise.resolve(void kept.set(load.loadId, load)),
      get: (member, loadId) => Promise.resolve([kept.get(loadId)].find((load) => load?.member === member)),
      // The first close stands, as in PostgreSQL.
      markClosed: (loadId, closedAt, watermarks, idle) => {
        const load = kept.get(loadId)!;
        if (!load.closedAt) kept.set(loadId, { ...load, closedAt, watermarks: [...watermarks], ...(idle ? { closedIdle: true } : {}) });
        return Promise.resolve();
      },
      openLoads: () =>
        Promise.resolve([...kept.values()].filter((load) => !load.closedAt).map((load) => ({ ...load, ...(activity.has(load.loadId) ? { activity: activity.get(load.loadId)! } : {}) }))),
      noteActivity: (loadId, at, seen) => Promise.resolve(void activity.set(loadId, { at, offsets: seen.map((offset) => ({ ...offset })) })),
      markJudged: (loadId, judgedAt, givenUp) => Promise.resolve(void kept.set(loadId, { ...kept.get(loadId)!, judgedAt, givenUp })),
      list: (member) => Promise.resolve([...kept.values()].filter((load) => load.member === member).reverse()),
      recent: () => Promise.resolve([...kept.values()].reverse()),
      openCount: (member) => Promise.resolve([...kept.values()].filter((load) => load.member === member && !load.closedAt).length),
    },
    {
      forType: (type) => (type === BULK_LOAD_TYPE ? { binding, lifecycle: 'active', schema, validate: (document) => validator.validate(id, document) } : undefined),
      topicsOwnedBy: (member) => (member === 'education' ? [AID, ENROLMENT] : []),
    },
    {
      send: (records) => {
        sent.push(...records);
        return Promise.resolve();
      },
    },
    {
      endOffsets: (topics) => Promise.resolve(offsets.ends.filter((end) => topics.includes(end.topic))),
      committedOffsets: (groupId, topics) => Promise.resolve(groupId === 'gateway.consumer' ? offsets.committed.filter((c) => topics.includes(c.topic)) : []),
    },
    'gateway.consumer',
  );
  const announced = () => sent.map((record) => fromKafkaBinary({ key: record.key, value: Buffer.from(record.value ?? ''), headers: record.headers ?? {} }));
  return { useCase, sent, kept, announced };
}

describe("a department's bulk load at the gateway", () => {
  it("announces the opening on the hub's topic, keyed by the load, and keeps the load open", async () => {
    const { useCase, sent, kept, announced } = bulkLoads();
    const load = await useCase.open('education');
    expect(sent.map((record) => [record.topic, record.key])).toEqual([[BULK_LOAD_TYPE, load.loadId]]);
    expect(announced()[0]).toMatchObject({ source: '/hub/gateway', subject: load.loadId, data: { loadId: load.loadId, department: 'education', change: 'opened', openedAt: load.openedAt } });
    expect(kept.get(load.loadId)?.closedAt).toBeUndefined();
  });

  it("closes with where each partition of the member's own canonical topics ends, as the contract requires", async () => {
    const ends = [
      { topic: ENROLMENT, partition: 0, offset: '120' },
      { topic: ENROLMENT, partition: 1, offset: '98' },
      { topic: AID, partition: 0, offset: '7' },
      { topic: 'civil-affairs.household-status.changed.v2', partition: 0, offset: '500' },
    ];
    const { useCase, announced } = bulkLoads({ ends, committed: [] });
    const { loadId } = await useCase.open('education');
    const closed = await useCase.close('education', loadId);
    expect(closed.watermarks).toEqual(ends.filter((end) => end.topic.startsWith('education.')));
    const close = announced()[1];
    expect(close?.data).toMatchObject({ loadId, change: 'closed', closedAt: closed.closedAt, watermarks: closed.watermarks });
    expect(validator.validate(id, close?.data).valid).toBe(true);
  });

  it('answers a close again with the load as it was closed, announcing nothing more', async () => {
    const { useCase, sent } = bulkLoads({ ends: [{ topic: ENROLMENT, partition: 0, offset: '3' }], committed: [] });
    const { loadId } = await useCase.open('education');
    const first = await useCase.close('education', loadId);
    expect(await useCase.close('education', loadId)).toEqual(first);
    expect(sent).toHaveLength(2);
  });

  it("refuses to close while the member's Kafka-native records are not all taken in (503, retry), and closes once they are", async () => {
    const offsets = { ends: [{ topic: INBOUND, partition: 0, offset: '40' }], committed: [{ topic: INBOUND, partition: 0, offset: '30' }] };
    const { useCase } = bulkLoads(offsets);
    const { loadId } = await useCase.open('education');
    const error = await refusal(useCase.close('education', loadId));
    expect([error.code, error.canRetry, error.message]).toEqual([ErrorCode.NotReady, true, expect.stringContaining(`10 of education's records on ${INBOUND} are not taken in yet`)]);
    offsets.committed[0].offset = '40';
    expect((await useCase.close('education', loadId)).closedAt).toBeDefined();
  });

  it("does not let a member see or close another member's load (404)", async () => {
    const { useCase } = bulkLoads();
    const { loadId } = await useCase.open('education');
    expect((await refusal(useCase.close('civil-affairs', loadId))).code).toBe(ErrorCode.NotFound);
    expect((await refusal(useCase.get('civil-affairs', loadId))).code).toBe(ErrorCode.NotFound);
    expect((await refusal(useCase.get('education', 'not-a-load'))).code).toBe(ErrorCode.NotFound);
  });

  describe('a load its member has gone quiet on (BULK_LOAD_IDLE_MINUTES)', () => {
    const IDLE_MS = 30 * 60_000;
    const at = (minutes: number) => new Date(Date.parse('2026-12-07T08:00:00Z') + minutes * 60_000);

    it("closes it for the member once the member's canonical topics have not moved for the idle limit, announcing the close and marking it closed idle", async () => {
      const { useCase, announced } = bulkLoads({ ends: [{ topic: ENROLMENT, partition: 0, offset: '70' }], committed: [] });
      const { loadId } = await useCase.open('education');
      expect(await useCase.closeIdle(at(0), IDLE_MS)).toEqual([]);
      expect(await useCase.closeIdle(at(29), IDLE_MS)).toEqual([]);
      const [closed] = await useCase.closeIdle(at(30), IDLE_MS);
      expect(closed).toMatchObject({ loadId, closedIdle: true, watermarks: [{ topic: ENROLMENT, partition: 0, offset: '70' }] });
      expect(announced()[1]?.data).toMatchObject({ loadId, change: 'closed', watermarks: closed?.watermarks });
    });

    it('keeps it open while its records keep arriving, counting the quiet from the last look that saw them move', async () => {
      const offsets = { ends: [{ topic: ENROLMENT, partition: 0, offset: '70' }], committed: [] };
      const { useCase } = bulkLoads(offsets);
      await useCase.open('education');
      await useCase.closeIdle(at(0), IDLE_MS);
      offsets.ends[0].offset = '5070';
      expect(await useCase.closeIdle(at(25), IDLE_MS)).toEqual([]);
      expect(await useCase.closeIdle(at(50), IDLE_MS)).toEqual([]);
      expect(await useCase.closeIdle(at(55), IDLE_MS)).toHaveLength(1);
    });

    it("keeps it open while the member's Kafka-native records wait on its inbound topic to be taken in", async () => {
      const offsets = { ends: [{ topic: INBOUND, partition: 0, offset: '40' }], committed: [{ topic: INBOUND, partition: 0, offset: '30' }] };
      const { useCase } = bulkLoads(offsets);
      await useCase.open('education');
      await useCase.closeIdle(at(0), IDLE_MS);
      expect(await useCase.closeIdle(at(45), IDLE_MS)).toEqual([]);
      offsets.committed[0].offset = '40';
      expect(await useCase.closeIdle(at(46), IDLE_MS)).toHaveLength(1);
    });
  });

  it(`refuses an opening beyond ${MAX_OPEN_LOADS} loads open at once (409), saying so`, async () => {
    const { useCase } = bulkLoads();
    for (let n = 0; n < MAX_OPEN_LOADS; n++) await useCase.open('education');
    const error = await refusal(useCase.open('education'));
    expect([error.code, error.message]).toEqual([ErrorCode.Conflict, `education has ${MAX_OPEN_LOADS} bulk loads open; close one before opening another (at most ${MAX_OPEN_LOADS})`]);
  });
});
