import { createKafkaClient } from './kafka-client.js';
import type { KafkaSettings } from './kafka-settings.js';
import { KafkaTopicAdmin, type PartitionOffset } from './kafka-topic-admin.js';

/** The offsets a consumer group has committed on the topics' partitions (-1 where it has none), with an admin connection of its own. */
export async function committedGroupOffsets(settings: KafkaSettings, groupId: string, topics: readonly string[]): Promise<PartitionOffset[]> {
  const admin = new KafkaTopicAdmin(createKafkaClient(settings));
  try {
    return await admin.committedOffsets(groupId, topics);
  } finally {
    await admin.disconnect();
  }
}
