import type { TopicSpec } from '@hub/messaging';

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

export const memberTopicSpecs = (member: string): TopicSpec[] => {
  const topics = memberTopics(member);
  return [
    { topic: topics.inbound, numPartitions: 6 },
    { topic: topics.results, numPartitions: 6 },
    { topic: topics.findings, numPartitions: 3 },
  ];
};
