/**
 * kafkajs 2.2.4 against the pinned Apache Kafka 4.x broker (KIP-896 removed old request versions):
 * the calls the hub relies on, made with kafkajs itself. A failure here means the pin in
 * deploy/kafka/pom.xml must go back to 3.9.x.
 */
import { ConfigResourceTypes, type Admin } from 'kafkajs';
import { createKafkaClient } from '@hub/messaging';
import { eventually } from '../support/eventually.js';
import { testKafkaSettings } from '../support/test-kafka.js';
import { uniqueName } from '../support/unique-name.js';

describe('kafkajs against the pinned Kafka broker', () => {
  const kafka = createKafkaClient({ ...testKafkaSettings('compat-test'), quiet: true });
  let admin: Admin;
  const topic = uniqueName('compat');

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  });

  afterAll(async () => {
    await admin.disconnect();
  });

  it('describes the cluster and lists, describes and alters topics', async () => {
    const cluster = await admin.describeCluster();
    expect(cluster.brokers).toHaveLength(1);
    expect(await admin.listTopics()).toContain(topic);
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0].partitions).toHaveLength(3);
    const configs = await admin.describeConfigs({ resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['cleanup.policy'] }], includeSynonyms: false });
    expect(configs.resources[0].configEntries[0].configValue).toBe('delete');
    const extra = uniqueName('compat-extra');
    await admin.createTopics({ topics: [{ topic: extra, numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }], waitForLeaders: true });
    await admin.createPartitions({ topicPartitions: [{ topic: extra, count: 2 }] });
    expect((await admin.fetchTopicMetadata({ topics: [extra] })).topics[0].partitions).toHaveLength(2);
    await admin.deleteTopics({ topics: [extra] });
    await eventually('the deleted topic to disappear', async () => !(await admin.listTopics()).includes(extra));
  });

  it('produces with an idempotent producer and acks=all, then consumes in a group and commits', async () => {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, value: `v${i}`, headers: { h: 'x' } })) });
    await producer.disconnect();

    const groupId = uniqueName('compat-group');
    const consumer = kafka.consumer({ groupId });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const seen: string[] = [];
    await consumer.run({
      autoCommit: false,
      // eslint-disable-next-line @typescript-eslint/unbound-method -- kafkajs hands resolveOffset over as a closure
      eachBatch: async ({ batch, resolveOffset }) => {
        for (const message of batch.messages) {
          seen.push(message.value!.toString());
          expect(message.headers?.['h']?.toString()).toBe('x');
          resolveOffset(message.offset);
        }
        await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: String(Number(batch.lastOffset()) + 1) }]);
      },
    });
    try {
      await eventually('30 records consumed', async () => seen.length === 30);
      const described = await admin.describeGroups([groupId]);
      expect(described.groups[0].state).toBe('Stable');
    } finally {
      await consumer.disconnect();
    }

    const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
    const total = committed[0].partitions.reduce((sum, p) => sum + Number(p.offset), 0);
    expect(total).toBe(30);
    expect((await admin.listGroups()).groups.map((g) => g.groupId)).toContain(groupId);
    await admin.resetOffsets({ groupId, topic, earliest: true });
    await admin.deleteGroups([groupId]);
  });

  it('commits a transaction with consumer offsets (exactly-once consume-transform-produce)', async () => {
    const out = uniqueName('compat-tx');
    await admin.createTopics({ topics: [{ topic: out, numPartitions: 1 }], waitForLeaders: true });
    const groupId = uniqueName('compat-tx-group');
    const producer = kafka.producer({ transactionalId: uniqueName('tx'), idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const transaction = await producer.transaction();
    await transaction.send({ topic: out, messages: [{ value: 'in a transaction' }] });
    await transaction.sendOffsets({ consumerGroupId: groupId, topics: [{ topic, partitions: [{ partition: 0, offset: '1' }] }] });
    await transaction.commit();
    await producer.disconnect();
    await eventually('the transactional offset to be visible', async () => {
      const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
      return offsets[0].partitions.find((p) => p.partition === 0)?.offset === '1';
    });
    const offsets = await admin.fetchTopicOffsets(out);
    expect(Number(offsets[0].high)).toBeGreaterThanOrEqual(1);
  });
});
