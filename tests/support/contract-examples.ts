import { standardContracts } from './standard-contracts.js';

/** The first valid example of a standard contract, by its event type (= topic), as a fresh object. */
export function contractExample(type: string): Record<string, unknown> {
  const contract = standardContracts().find((c) => c.binding.topic === type);
  if (!contract) throw new Error(`no standard contract for ${type}`);
  return structuredClone((contract.schema['examples'] as Record<string, unknown>[])[0]);
}
