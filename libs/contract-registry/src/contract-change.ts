import type { ContractBinding, JsonSchema } from '@hub/contracts';
import type { Lifecycle } from './schema-store.js';

/** The compacted topic every registry change goes to, keyed by subject; other services follow it. */
export const CONTRACTS_TOPIC = 'hub.contracts';

/** A subject's current contract as the registry publishes it (the value on hub.contracts). */
export interface ContractState {
  subject: string;
  version: number;
  id: number;
  lifecycle: Lifecycle;
  binding?: ContractBinding;
  schema: JsonSchema;
}

/** Where the registry reports changes: the new state of a subject, or null when it was deleted. */
export interface ContractChangeSink {
  publish(subject: string, state: ContractState | null): Promise<void>;
}
