import type { TopicSpec } from '@hub/messaging';
import { KAFKA_CLUSTER, manifest, type Manifest } from './manifest.js';

/** A Kubernetes name for a topic: topic names may hold dots and capitals, object names may not. */
export const topicObjectName = (topic: string) => topic.toLowerCase().replace(/[^a-z0-9-]+/g, '-');

/** A KafkaTopic per topic, replicated three times (the cluster's `min.insync.replicas` 2 applies to each). */
export function kafkaTopicManifests(topics: readonly TopicSpec[]): Manifest[] {
  return topics.map((spec) =>
    manifest(
      'kafka.strimzi.io/v1',
      'KafkaTopic',
      topicObjectName(spec.topic),
      'kafka-topic',
      { spec: { topicName: spec.topic, partitions: spec.numPartitions, replicas: 3, config: { 'min.insync.replicas': 2, ...spec.configs } } },
      { 'strimzi.io/cluster': KAFKA_CLUSTER },
    ),
  );
}
