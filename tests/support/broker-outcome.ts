import { randomBytes } from 'node:crypto';
import { createKafkaClient, FETCH_MAX_WAIT_MS, HubProducer, type KafkaSettings } from '@hub/messaging';

/** What the broker made of a principal's attempt. */
export type BrokerOutcome = 'allowed' | 'refused';

/** A failure the broker's authorisation or authentication caused is a refusal; anything else is the test's error. */
function refusedOrRethrow(error: unknown): BrokerOutcome {
  if (/authoriz|SASL/i.test(String(error))) return 'refused';
  throw error;
}

/** Produces one record as the principal. */
export async function produceAs(settings: KafkaSettings, topic: string): Promise<BrokerOutcome> {
  const producer = new HubProducer(createKafkaClient({ ...settings, quiet: true }));
  try {
    await producer.send([{ topic, key: 'k', value: '{}' }]);
    return 'allowed';
  } catch (error) {
    return refusedOrRethrow(error);
  } finally {
    await producer.disconnect();
  }
}

/**
 * Consumes the topic from the beginning in a consumer group of the principal's own (its client id
 * begins with its group prefix) until a record arrives (the topic must hold one); refused when the
 * broker says the principal may not read the topic or use the group.
 */
export async function consumeAs(settings: KafkaSettings, topic: string): Promise<BrokerOutcome> {
  const consumer = createKafkaClient({ ...settings, quiet: true }).consumer({
    groupId: `${settings.clientId}.${randomBytes(4).toString('hex')}`,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: FETCH_MAX_WAIT_MS,
  });
  const seed = Promise.withResolvers<void>();
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      seed.reject(payload.error);
    });
    await consumer.run({
      eachMessage: async () => {
        seed.resolve();
      },
    });
    const timer = setTimeout(() => {
      seed.reject(new Error(`nothing read from ${topic} in 20 s`));
    }, 20_000);
    await seed.promise.finally(() => {
      clearTimeout(timer);
    });
    return 'allowed';
  } catch (error) {
    return refusedOrRethrow(error);
  } finally {
    await consumer.disconnect();
  }
}
