/**
 * The broker's answers that mean "not yet, ask again" (leadership moving, a group coordinator
 * loading, a topic just created), which kafkajs retries by itself. They are ordinary while a
 * broker or a topic starts; each attempt is logged at debug, not as an error: the retry either
 * succeeds or fails loudly (a consumer that stops, a send that is refused).
 */
const TRANSIENT = [
  'There is no leader for this topic-partition',
  'This server is not the leader for that topic-partition',
  'This server does not host this topic-partition',
  "The coordinator is loading and hence can't process requests",
  'The group coordinator is not available',
  'This is not the correct coordinator',
  'The group is rebalancing, so a rejoin is needed',
  'Messages are rejected since there are fewer in-sync replicas than required',
];

/** Whether a kafkajs log entry reports one of those answers (in its message or its `error`). */
export function isTransientKafkaError(entry: { message?: unknown; error?: unknown }): boolean {
  const texts = [entry.message, entry.error].filter((text): text is string => typeof text === 'string');
  return texts.some((text) => TRANSIENT.some((transient) => text.startsWith(transient)));
}
