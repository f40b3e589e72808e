import { createKafkaClient, HubProducer, type KafkaSettings } from '@hub/messaging';

/** What the broker made of a principal's attempt. */
export type BrokerOutcome = 'allowed' | 'refused';

/** Produces one record as the principal; refused when the broker says it may not (authorisation or authentication). */
export async function produceAs(settings: KafkaSettings, topic: string): Promise<BrokerOutcome> {
  const producer = new HubProducer(createKafkaClient({ ...settings, quiet: true }));
  try {
    await producer.send([{ topic, key: 'k', value: '{}' }]);
    return 'allowed';
  } catch (error) {
    if (/authoriz|SASL/i.test(String(error))) return 'refused';
    throw error;
  } finally {
    await producer.disconnect();
  }
}
