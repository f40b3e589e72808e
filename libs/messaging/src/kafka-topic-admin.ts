import type { Admin, Kafka } from 'kafkajs';
import { ErrorCode, HubError } from '@hub/errors';

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  /** Topic configs, e.g. { 'cleanup.policy': 'compact' }. */
  configs?: Record<string, string>;
}

/** Creates the topics the hub needs (auto-creation is off on the broker) and checks the broker answers. */
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
