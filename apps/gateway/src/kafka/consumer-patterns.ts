/** Handler patterns of the gateway's consumer; each stands for topics known only at start (see HubKafkaServer topicFamilies). */
export const ConsumerPattern = {
  /** Every department member's inbound topic. */
  Inbound: 'gateway.inbound',
  /** The canonical topics of contracts that share facts. */
  SharedFacts: 'gateway.shared-facts',
  /** The crosscheck's findings topic. */
  Findings: 'gateway.findings',
} as const;
