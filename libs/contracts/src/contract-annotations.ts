/**
 * The hub's annotations in a contract (JSON Schema keywords the hub acts on). Every property
 * carries `x-hub-classification`; the root carries `x-hub-contract`.
 */
export const CLASSIFICATION_KEYWORD = 'x-hub-classification';
export const CONTRACT_KEYWORD = 'x-hub-contract';
/** At the root: which members may read which fields of these events as shared facts, and why. */
export const SHARING_KEYWORD = 'x-hub-sharing';

/** How the hub treats a field: identifiers are pseudonymised, personal data is redacted and entitled, public data flows. */
export const CLASSIFICATIONS = ['personal-identifier', 'personal', 'public'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export interface ContractBinding {
  /** The department that owns (and alone may publish) the event type. */
  owner: string;
  /** CloudEvents type, without the version: `<owner>.<entity>.<event>`. */
  type: string;
  /** Major version; a breaking change makes a new major version and a new topic. */
  version: number;
  topic: string;
  /** The field whose value (pseudonymised) is the Kafka key, so one subject's events stay in order. */
  partitionKey: string;
}

/** A JSON Schema document as the hub reads it. */
export type JsonSchema = { [keyword: string]: unknown };
/** At the root: checks across fields that JSON Schema cannot say (a number that embeds the identity number, a digit that codes a category). */
export const CONSISTENCY_KEYWORD = 'x-hub-consistency';
/** On an identity number field: values the gateway derives from the number before pseudonymising it, added beside it under the names given. */
export const DERIVED_KEYWORD = 'x-hub-derived';
