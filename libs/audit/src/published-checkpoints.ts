import { chainName, checkpointFromPublished, publishedCheckpoint, type Checkpoint } from '@hub/audit-chain';
import { readLogUntil, type KafkaSettings, type OutboundRecord } from '@hub/messaging';

/** The checkpoints of a seal as records of the topic they are published on, keyed by their chain. */
export function checkpointRecords(topic: string, checkpoints: readonly Checkpoint[]): OutboundRecord[] {
  return checkpoints.map((checkpoint) => ({ topic, key: chainName(checkpoint.topic, checkpoint.partition), value: publishedCheckpoint(checkpoint) }));
}

export interface PublishedCheckpoints {
  topic: string;
  checkpoints: Checkpoint[];
  /** Records of the topic that are not checkpoints (they are left out). */
  unreadable: number;
}

/** Every checkpoint published on the topic up to now; none when the topic does not exist. */
export async function readPublishedCheckpoints(settings: KafkaSettings, topic: string): Promise<PublishedCheckpoints> {
  const checkpoints: Checkpoint[] = [];
  let unreadable = 0;
  await readLogUntil(settings, [topic], new Date(), async (records) => {
    for (const record of records) {
      const checkpoint = record.value === null ? undefined : checkpointFromPublished(record.value.toString('utf8'));
      if (checkpoint) checkpoints.push(checkpoint);
      else unreadable++;
    }
  });
  return { topic, checkpoints, unreadable };
}
