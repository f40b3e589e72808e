/**
 * Kafka header names the hub sets. The correlation id is a CloudEvents extension attribute in
 * binary mode (`ce_` prefix), so CloudEvents tooling sees it too.
 */
export const RecordHeader = {
  CorrelationId: 'ce_correlationid',
  DeadLetterErrorCode: 'hub_dlq_error_code',
  DeadLetterErrorMessage: 'hub_dlq_error_message',
  DeadLetterSourceTopic: 'hub_dlq_source_topic',
  DeadLetterSourcePartition: 'hub_dlq_source_partition',
  DeadLetterSourceOffset: 'hub_dlq_source_offset',
  DeadLetterAttempts: 'hub_dlq_attempts',
  DeadLetterConsumerGroup: 'hub_dlq_consumer_group',
  DeadLetterFailedAt: 'hub_dlq_failed_at',
} as const;
