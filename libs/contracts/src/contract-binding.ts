import { CONTRACT_KEYWORD, type ContractBinding, type JsonSchema } from './contract-annotations.js';

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * A contract's binding (`x-hub-contract`: owner, type, version, topic, partition key), typed, so
 * no caller casts it; undefined when the schema has none, or one of the wrong shape
 * (`bindingProblems` says what is wrong with one that has the right shape).
 */
export function contractBinding(schema: JsonSchema): ContractBinding | undefined {
  const binding = schema[CONTRACT_KEYWORD];
  if (typeof binding !== 'object' || binding === null || Array.isArray(binding)) return undefined;
  const { owner, type, version, topic, partitionKey } = binding as Record<string, unknown>;
  if (!isText(owner) || !isText(type) || !isText(topic) || !isText(partitionKey) || !Number.isInteger(version)) return undefined;
  return { owner, type, version: version as number, topic, partitionKey };
}
