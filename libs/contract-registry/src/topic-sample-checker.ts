import { readTopicWindow, type InboundRecord, type KafkaSettings } from '@hub/messaging';
import type { ContractRegistry } from './contract-registry.js';
import { RegistryError, RegistryErrorCode } from './registry-error.js';
import { checkSample, type SampleCheckReport } from './sample-check.js';

const DAY_MS = 86_400_000;

/** Checks a candidate contract against the events actually on its topic over the last days. */
export class TopicSampleChecker {
  constructor(
    private readonly registry: ContractRegistry,
    private readonly kafka: KafkaSettings,
    /** The most records one check reads. */
    private readonly limit = 100_000,
  ) {}

  async check(subject: string, schemaText: string, schemaType: string | undefined, days: number): Promise<SampleCheckReport> {
    if (!Number.isInteger(days) || days < 1 || days > 366) {
      throw new RegistryError(RegistryErrorCode.InvalidSampleWindow, `Invalid sample window: days must be a whole number from 1 to 366 (got ${days}).`);
    }
    const candidate = this.registry.parse(schemaText, schemaType);
    // Only the canonical topic the subject is bound to, never one the candidate names: a candidate
    // schema run over a topic is an oracle over what the topic holds (security review C1).
    const topic = (await this.registry.contract(subject)).binding?.topic;
    if (!topic) throw new RegistryError(RegistryErrorCode.InvalidSchema, `Subject "${subject}" is bound to no topic, so there is no traffic to check the candidate against.`);
    const since = new Date(Date.now() - days * DAY_MS);
    const records: InboundRecord[] = [];
    await readTopicWindow(this.kafka, topic, { since: since.getTime(), limit: this.limit }, (record) => records.push(record));
    return checkSample(candidate, topic, since, records);
  }
}
