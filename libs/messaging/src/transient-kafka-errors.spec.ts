import { isTransientKafkaError } from './transient-kafka-errors.js';

describe('transient Kafka errors (logged at debug: kafkajs retries them)', () => {
  it("knows a leadership election in a response's error", () => {
    expect(isTransientKafkaError({ message: 'Response Metadata(key: 3, version: 6)', error: 'There is no leader for this topic-partition as we are in the middle of a leadership election' })).toBe(
      true,
    );
  });

  it('knows a group coordinator not available yet (a consumer joining while the broker starts)', () => {
    expect(isTransientKafkaError({ message: 'Response GroupCoordinator(key: 10, version: 2)', error: 'The group coordinator is not available' })).toBe(true);
  });

  it('knows a coordinator still loading', () => {
    expect(isTransientKafkaError({ message: "The coordinator is loading and hence can't process requests for this group" })).toBe(true);
  });

  it('leaves every other error an error: a refused login, a record too large', () => {
    expect(isTransientKafkaError({ message: 'SASL SCRAM SHA512 authentication failed' })).toBe(false);
    expect(isTransientKafkaError({ message: 'Response Produce', error: 'The request included a message larger than the max message size the server will accept' })).toBe(false);
  });
});
