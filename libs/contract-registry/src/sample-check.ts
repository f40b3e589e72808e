import { canonicalForm, ContractValidator, type JsonSchema } from '@hub/contracts';

/** A record from the topic, as much as the sample check needs. */
export interface SampledRecord {
  partition: number;
  offset: string;
  value: Buffer | null;
}

export interface SampleFailure {
  partition: number;
  offset: string;
  violations: { instancePath: string; keyword: string; message: string }[];
}

export interface SampleCheckReport {
  topic: string;
  since: string;
  checked: number;
  failed: number;
  /** How many records fail for each reason (field and rule), most frequent first. */
  reasons: { instancePath: string; keyword: string; message: string; records: number }[];
  /** The first failing records, to look at. */
  examples: SampleFailure[];
}

const EXAMPLES = 20;

function parseValue(value: Buffer | null): { parsed: true; value: unknown } | { parsed: false; reason: string } {
  try {
    return { parsed: true, value: JSON.parse(value?.toString('utf8') ?? 'null') };
  } catch (error) {
    return { parsed: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Validates what is actually on a topic against a candidate contract: how many records would
 * fail, and why. The record values are the events' data (CloudEvents binary mode), with personal
 * identifiers already pseudonymised, so they are checked against the contract's canonical form.
 */
export function checkSample(candidate: JsonSchema, topic: string, since: Date, records: readonly SampledRecord[]): SampleCheckReport {
  const validator = new ContractValidator();
  const id = validator.add({ ...canonicalForm(candidate), $id: 'urn:nx-hub:sample-check:candidate' });
  const reasons = new Map<string, { instancePath: string; keyword: string; message: string; records: number }>();
  const examples: SampleFailure[] = [];
  let failed = 0;
  for (const record of records) {
    const document = parseValue(record.value);
    const result = document.parsed
      ? validator.validate(id, document.value)
      : { valid: false as const, violations: [{ instancePath: '', keyword: 'json', message: `the record value is not JSON (${document.reason})` }] };
    if (result.valid) continue;
    failed++;
    if (examples.length < EXAMPLES) examples.push({ partition: record.partition, offset: record.offset, violations: result.violations });
    for (const violation of result.violations) {
      const key = `${violation.instancePath}\u0000${violation.keyword}\u0000${violation.message}`;
      const reason = reasons.get(key) ?? { ...violation, records: 0 };
      reason.records++;
      reasons.set(key, reason);
    }
  }
  return {
    topic,
    since: since.toISOString(),
    checked: records.length,
    failed,
    reasons: [...reasons.values()].sort((a, b) => b.records - a.records),
    examples,
  };
}
