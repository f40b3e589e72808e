import type { HubProducer, RecordSigner } from '@hub/messaging';
import { CONTRACTS_TOPIC, type ContractChangeSink, type ContractState } from './contract-change.js';

/** Publishes each subject's state to hub.contracts (a tombstone when deleted), acknowledged by the broker. */
export class KafkaContractChangeSink implements ContractChangeSink {
  constructor(
    private readonly producer: HubProducer,
    /** Signs each change, so followers can tell it from one written by anyone else (issue 19). */
    private readonly signer?: RecordSigner,
  ) {}

  async publish(subject: string, state: ContractState | null): Promise<void> {
    const record = { topic: CONTRACTS_TOPIC, key: subject, value: state === null ? null : JSON.stringify(state) };
    await this.producer.send([this.signer?.sign(record) ?? record]);
  }
}
