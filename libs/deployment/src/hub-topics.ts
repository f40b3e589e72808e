import { EVENT_TYPES } from '@hub/contracts';
import { memberTopicSpecs } from '@hub/gateway';
import type { TopicSpec } from '@hub/messaging';

/** Partitions of a canonical topic (the gateway's CANONICAL_TOPIC_PARTITIONS default). */
export const CANONICAL_TOPIC_PARTITIONS = 6;

/**
 * The hub's own topics besides the canonical ones, with their default names (each app creates
 * those it uses at start if they are missing; a cluster declares them all beforehand).
 */
const HUB_OWN_TOPICS: readonly TopicSpec[] = [
  // The registry's contracts: compacted, one record per subject version.
  { topic: 'hub.contracts', numPartitions: 3, configs: { 'cleanup.policy': 'compact' } },
  { topic: 'hub.deadletter', numPartitions: 3 },
  { topic: 'hub.access-log', numPartitions: 3 },
  // The audit's signed checkpoints are kept for ever: `hub audit verify` checks the store against them.
  { topic: 'hub.audit.checkpoint.v1', numPartitions: 1, configs: { 'retention.ms': '-1', 'retention.bytes': '-1' } },
  { topic: 'hub.audit.deadletter', numPartitions: 1 },
];

/** Every topic a hub with these member departments has: the contracts' canonical topics, the hub's own, and each member's three. */
export function hubTopics(departments: readonly string[]): TopicSpec[] {
  const canonical = [...new Set(Object.values(EVENT_TYPES).map((binding) => binding.topic))].sort();
  return [...canonical.map((topic): TopicSpec => ({ topic, numPartitions: CANONICAL_TOPIC_PARTITIONS })), ...HUB_OWN_TOPICS, ...departments.flatMap((department) => memberTopicSpecs(department))];
}
