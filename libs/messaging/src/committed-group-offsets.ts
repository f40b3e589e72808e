import { createKafkaClient } from './kafka-client.js';
import type { KafkaSettings } from './kafka-settings.js';

/** The offsets a consumer group has committed on the topics' partitions (-1 where it has none). */
export async function committedGroupOffsets(settings: KafkaSettings, groupId: string, topics: readonly string[]): Promise<{ topic: string; partition: number; offset: string }[]> {
  const admin = createKafkaClient(settings).admin();
  await admin.connect();
  try {
    const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
    return committed.flatMap(({ topic, partitions }) => partitions.map(({ partition, offset }) => ({ topic, partition, offset })));
  } finally {
    await admin.disconnect();
  }
}
