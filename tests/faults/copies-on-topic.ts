import { readTopicWindow } from '@hub/messaging';
import { testKafkaSettings } from '../support/test-kafka.js';

/** How many times each event of a run (its id starting with the prefix) is on a topic since a moment. */
export async function copiesOnTopic(topic: string, prefix: string, since: number, brokers?: string[]): Promise<Map<string, number>> {
  const copies = new Map<string, number>();
  await readTopicWindow(testKafkaSettings('fault-scan', brokers), topic, { since, limit: 10_000_000 }, (record) => {
    const id = record.headers['ce_id'];
    if (id?.startsWith(prefix)) copies.set(id, (copies.get(id) ?? 0) + 1);
  });
  return copies;
}
