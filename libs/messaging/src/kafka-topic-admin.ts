import type { Admin, Kafka } from 'kafkajs';
import { ErrorCode, HubError } from '@hub/errors';

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  /** Topic configs, e.g. { 'cleanup.policy': 'compact' }. */
  configs?: Record<string, string>;
}

/** A place in a topic partition's log: the next offset to be written, or the next to be read. */
export interface PartitionOffset {
  topic: string;
  partition: number;
  offset: string;
}

/** Creates the topics the hub needs (auto-creation is off on the broker), checks the broker answers, and says where partitions end and how far groups have read them. */
export class KafkaTopicAdmin {
  private readonly admin: Admin;
  private connected = false;

  constructor(kafka: Kafka) {
    this.admin = kafka.admin({ retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1000 } });
  }

  private async connection(): Promise<Admin> {
    if (!this.connected) {
      await this.admin.connect();
      this.connected = true;
    }
    return this.admin;
  }

  /**
   * Creates missing topics; existing ones (also those another process creates meanwhile) are left
   * as they are. @throws HubError KAFKA_UNAVAILABLE (retryable) when the broker cannot do it now.
   */
  async ensureTopics(specs: readonly TopicSpec[]): Promise<void> {
    try {
      const admin = await this.connection();
      const existing = new Set(await admin.listTopics());
      const missing = specs.filter((spec) => !existing.has(spec.topic));
      if (missing.length === 0) return;
      await admin.createTopics({
        // kafkajs's own wait fails outright while a new topic's metadata is still spreading ("does not host this topic-partition").
        waitForLeaders: false,
        topics: missing.map((spec) => ({
          topic: spec.topic,
          numPartitions: spec.numPartitions,
          replicationFactor: -1,
          configEntries: Object.entries(spec.configs ?? {}).map(([name, value]) => ({ name, value })),
        })),
      });
      await this.leadersOf(missing.map((spec) => spec.topic));
    } catch (error) {
      throw new HubError(ErrorCode.KafkaUnavailable, `cannot create topics ${specs.map((s) => s.topic).join(', ')}: ${String(error)}`, { canRetry: true, cause: error });
    }
  }

  /** Waits until every partition of the topics has a leader, so the first publish to them succeeds. */
  private async leadersOf(topics: readonly string[], timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const metadata = await this.admin.fetchTopicMetadata({ topics: [...topics] }).catch((error: unknown) => {
        if (Date.now() > deadline) throw error;
        return undefined;
      });
      if (metadata?.topics.every((topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0))) return;
      if (Date.now() > deadline) throw new Error(`no leader for every partition of ${topics.join(', ')} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Where each partition of the topics ends now (its high watermark: every record acknowledged by
   * all in-sync replicas is before it). Topics the broker does not have are left out.
   * @throws HubError KAFKA_UNAVAILABLE (retryable) when the broker cannot say.
   */
  async endOffsets(topics: readonly string[]): Promise<PartitionOffset[]> {
    try {
      const admin = await this.connection();
      const existing = new Set(await admin.listTopics());
      const ends = await Promise.all(
        topics.filter((topic) => existing.has(topic)).map(async (topic) => (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => ({ topic, partition, offset: high }))),
      );
      return ends.flat();
    } catch (error) {
      throw new HubError(ErrorCode.KafkaUnavailable, `cannot read where ${topics.join(', ')} end: ${String(error)}`, { canRetry: true, cause: error });
    }
  }

  /**
   * How far a consumer group has read the topics: the offset it committed on each partition (the
   * next it will read), -1 where it has committed none.
   * @throws HubError KAFKA_UNAVAILABLE (retryable) when the broker cannot say.
   */
  async committedOffsets(groupId: string, topics: readonly string[]): Promise<PartitionOffset[]> {
    if (topics.length === 0) return [];
    try {
      const admin = await this.connection();
      const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
      return committed.flatMap(({ topic, partitions }) => partitions.map(({ partition, offset }) => ({ topic, partition, offset })));
    } catch (error) {
      throw new HubError(ErrorCode.KafkaUnavailable, `cannot read how far ${groupId} has read ${topics.join(', ')}: ${String(error)}`, { canRetry: true, cause: error });
    }
  }

  /** Resolves when a broker answers a metadata request; rejects with KAFKA_UNAVAILABLE otherwise. */
  async ping(): Promise<{ brokers: number; controller: number | null }> {
    try {
      const admin = await this.connection();
      const cluster = await admin.describeCluster();
      return { brokers: cluster.brokers.length, controller: cluster.controller };
    } catch (error) {
      await this.disconnect();
      throw new HubError(ErrorCode.KafkaUnavailable, `Kafka does not answer: ${String(error)}`, { canRetry: true, cause: error });
    }
  }

  async disconnect(): Promise<void> {
    this.connected = false;
    await this.admin.disconnect();
  }
}
