import { Ajv2020 } from 'ajv/dist/2020.js';
import { POLICY_1_0, POLICY_1_1, POLICY_1_2, POLICY_1_3, POLICY_2026, POLICY_SHAPE, type Policy } from '@hub/precise-aid';

/** The shape of a policy file: the Policy type's own schema (`POLICY_SHAPE`), every field required, nothing else allowed. */
const validatePolicy = new Ajv2020({ allErrors: true, strict: true }).compile(POLICY_SHAPE);

/** The rule and policy versions the hub has run, by version, oldest first (finding ids carry the version). */
export const KNOWN_POLICIES: ReadonlyMap<string, Policy> = new Map([POLICY_1_0, POLICY_1_1, POLICY_1_2, POLICY_1_3, POLICY_2026].map((policy) => [policy.version, policy]));

export class PolicyDocumentError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source} is not a policy: ${problems.join('; ')}`);
    this.name = 'PolicyDocumentError';
  }
}

/** A policy from a JSON document (a what-if policy file), checked field by field. */
export function policyFromDocument(document: unknown, source: string): Policy {
  if (validatePolicy(document)) return document;
  throw new PolicyDocumentError(
    source,
    (validatePolicy.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.keyword === 'additionalProperties' ? ` (${String(e.params['additionalProperty'])})` : ''}`),
  );
}
