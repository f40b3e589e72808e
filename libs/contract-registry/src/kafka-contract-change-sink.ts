import { HubProducer } from '@hub/messaging';
import { CONTRACTS_TOPIC, type ContractChangeSink, type ContractState } from './contract-change.js';

/** Publishes each subject's state to hub.contracts (a tombstone when deleted), acknowledged by the broker. */
export class KafkaContractChangeSink implements ContractChangeSink {
  constructor(private readonly producer: HubProducer) {}

  async publish(subject: string, state: ContractState | null): Promise<void> {
    await this.producer.send([{ topic: CONTRACTS_TOPIC, key: subject, value: state === null ? null : JSON.stringify(state) }]);
  }
}
