import { CONTRACT_KEYWORD, type JsonSchema } from './contract-annotations.js';

/**
 * Topics the hub writes for itself or for one member: a contract bound to one of them would let a
 * member publish into the hub's own streams (or another member's) through the gateway, and a
 * sample check would read them.
 */
const HUB_INTERNAL_TOPIC = /^hub\.(inbound|results|findings|deadletter|access-log|contracts|audit)(\.|$)/;

/**
 * What is wrong with a contract's topic binding, each in a sentence: a contract is bound to a topic
 * of its owner's (`<owner>.<entity>.<event>.v<n>`, so no department binds into another's or the
 * hub's namespace), never to one of the hub's internal topics, and registered under the subject
 * `<topic>-value` (so one topic has one contract and no second subject can take it over).
 */
export function bindingProblems(subject: string, schema: JsonSchema): string[] {
  const binding = schema[CONTRACT_KEYWORD];
  if (binding === undefined) return [];
  if (typeof binding !== 'object' || binding === null || Array.isArray(binding)) return [`"${CONTRACT_KEYWORD}" must be an object`];
  const { owner, topic } = binding as Record<string, unknown>;
  if (typeof owner !== 'string' || typeof topic !== 'string') return [`"${CONTRACT_KEYWORD}" needs an owner and a topic, both strings`];
  const problems: string[] = [];
  if (!topic.startsWith(`${owner}.`)) problems.push(`the topic "${topic}" is not in its owner's namespace (it must begin "${owner}.")`);
  if (HUB_INTERNAL_TOPIC.test(topic)) problems.push(`the topic "${topic}" is one of the hub's internal topics, which no contract is bound to`);
  if (subject !== `${topic}-value`) problems.push(`a contract bound to "${topic}" is registered under the subject "${topic}-value", not "${subject}"`);
  return problems;
}
