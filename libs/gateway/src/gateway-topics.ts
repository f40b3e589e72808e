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

const DAY_MS = 86_400_000;
/**
 * How long a member's own topics keep their records (issue 20): the inbound topic holds records as
 * sent, identity numbers and names in the clear, and is read once by the gateway, so it keeps them
 * a week; results a month; findings (whose state the HTTP API also holds) three months.
 */
export const MEMBER_TOPIC_RETENTION_DAYS = { inbound: 7, results: 30, findings: 90 } as const;

export const memberTopicSpecs = (member: string): TopicSpec[] => {
  const topics = memberTopics(member);
  const retention = (days: number) => ({ 'retention.ms': String(days * DAY_MS) });
  return [
    { topic: topics.inbound, numPartitions: 6, configs: retention(MEMBER_TOPIC_RETENTION_DAYS.inbound) },
    { topic: topics.results, numPartitions: 6, configs: retention(MEMBER_TOPIC_RETENTION_DAYS.results) },
    { topic: topics.findings, numPartitions: 3, configs: retention(MEMBER_TOPIC_RETENTION_DAYS.findings) },
  ];
};
