import type { TopicSpec } from './kafka-topic-admin.js';

/**
 * The hub's topics with their partitions and retention: one table for the apps, which create those
 * they use at start if they are missing, and for a cluster's manifests, which declare them all.
 */

/** Partitions of a canonical topic (the gateway's CANONICAL_TOPIC_PARTITIONS default). */
export const CANONICAL_TOPIC_PARTITIONS = 6;

/** The hub's own topics besides the canonical ones, by what they hold, under their default names. */
export const HUB_OWN_TOPICS = {
  // The registry's contracts: compacted, one record per subject version.
  contracts: { topic: 'hub.contracts', numPartitions: 3, configs: { 'cleanup.policy': 'compact' } },
  deadLetter: { topic: 'hub.deadletter', numPartitions: 3 },
  accessLog: { topic: 'hub.access-log', numPartitions: 3 },
  // The audit's signed checkpoints are kept for ever: `hub audit verify` checks the store against them.
  auditCheckpoints: { topic: 'hub.audit.checkpoint.v1', numPartitions: 1, configs: { 'retention.ms': '-1', 'retention.bytes': '-1' } },
  auditDeadLetter: { topic: 'hub.audit.deadletter', numPartitions: 1 },
} as const satisfies Record<string, TopicSpec>;

/** One of the hub's own topics, under the name this deployment gives it (a setting may rename it). */
export function ownTopicSpec(kind: keyof typeof HUB_OWN_TOPICS, topic: string = HUB_OWN_TOPICS[kind].topic): TopicSpec {
  const { numPartitions, ...rest } = HUB_OWN_TOPICS[kind];
  return { topic, numPartitions, ...('configs' in rest ? { configs: { ...rest.configs } } : {}) };
}

/** A canonical topic (a contract's, or the findings'), with the partitions the deployment gives them. */
export const canonicalTopicSpec = (topic: string, numPartitions: number = CANONICAL_TOPIC_PARTITIONS): TopicSpec => ({ topic, numPartitions });

/**
 * A department's own topics for the Kafka-native path: it produces CloudEvents to its inbound
 * topic and reads the per-record results and its findings from the other two. With broker ACLs,
 * the member's principal is allowed exactly these three.
 */
export const memberTopics = (member: string) => ({
  inbound: `hub.inbound.${member}`,
  results: `hub.results.${member}`,
  findings: `hub.findings.${member}`,
});

/** The member whose inbound topic this is, if it is one. */
export function memberOfInboundTopic(topic: string): string | undefined {
  return /^hub\.inbound\.([a-z][a-z0-9-]+)$/.exec(topic)?.[1];
}

const DAY_MS = 86_400_000;
/**
 * How long a member's own topics keep their records (issue 20): the inbound topic holds records as
 * sent, identity numbers and names in the clear, and is read once by the gateway, so it keeps them
 * a week; results a month; findings (whose state the HTTP API also holds) three months.
 */
const MEMBER_TOPIC_RETENTION_DAYS = { inbound: 7, results: 30, findings: 90 } as const;

export const memberTopicSpecs = (member: string): TopicSpec[] => {
  const topics = memberTopics(member);
  const retention = (days: number) => ({ 'retention.ms': String(days * DAY_MS) });
  return [
    { topic: topics.inbound, numPartitions: 6, configs: retention(MEMBER_TOPIC_RETENTION_DAYS.inbound) },
    { topic: topics.results, numPartitions: 6, configs: retention(MEMBER_TOPIC_RETENTION_DAYS.results) },
    { topic: topics.findings, numPartitions: 3, configs: retention(MEMBER_TOPIC_RETENTION_DAYS.findings) },
  ];
};
