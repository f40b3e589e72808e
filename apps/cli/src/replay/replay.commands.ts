import type { CliEnvironment } from '../cli-environment.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import type { Policy } from '@hub/precise-aid';
import { KNOWN_POLICIES, policyFromDocument, replayAsOf, replaySummary, type LogSourceSpec } from '@hub/replay';
import type { CliOutput } from '../cli-output.js';
import { ProgressLine } from '../progress-line.js';
import { replayMoment } from './replay-moment.js';
import { InputError } from '../read-input.js';
import { auditStoreKeys, storeKeysOption } from '../audit-store-keys.js';
import { databaseOption } from '../database-option.js';
import { readerKafkaSettings } from '../kafka-option.js';

/** A known rule and policy version, or a what-if policy in a JSON file. */
function policyFrom(rules: string): Policy {
  if (rules.endsWith('.json')) {
    let document: unknown;
    try {
      document = JSON.parse(readFileSync(rules, 'utf8'));
    } catch (error) {
      throw new InputError(`cannot read the policy file ${rules}: ${(error as Error).message}`);
    }
    return policyFromDocument(document, rules);
  }
  const known = KNOWN_POLICIES.get(rules);
  if (!known) throw new InputError(`no rule and policy version ${rules}; known: ${[...KNOWN_POLICIES.keys()].join(', ')} (or give a policy file, *.json)`);
  return known;
}

/** `hub replay`: what the hub would have found at a moment, from the log, with today's or other rules. */
export function addReplayCommand(program: Command, io: CliOutput, env: CliEnvironment): void {
  program
    .command('replay')
    .description('rebuild the state and findings as they stood at a moment from the canonical topics, in memory, and compare with what the hub announced')
    .requiredOption('--as-of <time>', 'the moment (ISO 8601, or now); every record the broker had by then is read')
    .option('--rules <version|file>', `the rule and policy version, or a policy file (*.json) for a what-if`, [...KNOWN_POLICIES.keys()].at(-1))
    .option(
      '--evaluation-date <date>',
      'the day findings are judged as of (YYYY-MM-DD); default: the day the hub judged the latest finding change it announced by then as of, else the day of --as-of in China',
    )
    .option('--out <file>', 'also write the JSON report there')
    .option('--json', 'print the JSON report instead of the summary')
    .option('--source <source>', "kafka (the topics) or audit (the audit store, which keeps what the topics' retention has dropped)", 'kafka')
    .option('--workers <n>', 'threads replaying slices at once, at most (default: one per core reading the topics, 1 reading the audit store, which each slice would read whole)')
    .option('--slices <n>', 'how many slices the state is cut into, each worker replaying its slices one after another (default: one per worker from 500,000 records of the log, else 1)')
    .option('--findings-topic <topic>', 'where the hub announced its findings', env.FINDINGS_TOPIC)
    .option('--brokers <list>', 'Kafka bootstrap servers', env.KAFKA_BROKERS)
    .option(...databaseOption(env, 'audit-reader', 'PostgreSQL holding the audit store (with --source audit)'))
    .option(...storeKeysOption())
    .action(
      async (options: {
        asOf: string;
        rules: string;
        evaluationDate?: string;
        out?: string;
        json?: boolean;
        source: string;
        workers?: string;
        slices?: string;
        findingsTopic: string;
        brokers: string;
        database: string;
        storeKeys: string;
      }) => {
        const asOf = replayMoment(options.asOf);
        if (options.source !== 'kafka' && options.source !== 'audit') throw new InputError(`--source must be kafka or audit, not "${options.source}"`);
        const policy = policyFrom(options.rules);
        if (options.evaluationDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.evaluationDate)) throw new InputError(`--evaluation-date must be YYYY-MM-DD, not "${options.evaluationDate}"`);
        const workers = options.workers === undefined ? (options.source === 'kafka' ? availableParallelism() : 1) : Number(options.workers);
        if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new InputError(`--workers must be a whole number from 1 to 64, not "${options.workers}"`);
        const slices = options.slices === undefined ? undefined : Number(options.slices);
        if (slices !== undefined && (!Number.isInteger(slices) || slices < 1 || slices > 1000)) throw new InputError(`--slices must be a whole number from 1 to 1000, not "${options.slices}"`);
        // The reading's rate counts from the start: slices first read the household topics, unreported.
        const progress = new Map<string, ProgressLine>([['canonical records read', new ProgressLine('canonical records read')]]);
        const source: LogSourceSpec =
          options.source === 'audit'
            ? { kind: 'audit-store', database: options.database, storeKeys: auditStoreKeys(env, options.storeKeys) }
            : { kind: 'kafka', settings: readerKafkaSettings(env, options.brokers, 'hub-replay') };
        const started = performance.now();
        let readUntil = started;
        let persons = 0;
        const report = await replayAsOf({
          source,
          asOf,
          policy,
          ...(options.evaluationDate ? { evaluationDate: options.evaluationDate } : {}),
          findingsTopic: options.findingsTopic,
          workers,
          slices,
          onProgress: (phase, done, total) => {
            if (phase === 'canonical records read') readUntil = performance.now();
            else persons = total ?? done;
            (progress.get(phase) ?? progress.set(phase, new ProgressLine(phase)).get(phase)!).update(done, total);
          },
        });
        const seconds = (performance.now() - started) / 1000;
        const reading = (readUntil - started) / 1000;
        const json = `${JSON.stringify(report, null, 2)}\n`;
        if (options.out) writeFileSync(options.out, json);
        io.out(options.json ? json.trimEnd() : replaySummary(report).trimEnd());
        // The run's time goes to stderr: the report itself holds none, so the same log gives the same bytes. The peak RSS includes writing the report.
        process.stderr.write(
          `replayed ${report.log.records.toLocaleString('en')} canonical records in ${seconds.toFixed(2)} s (${Math.round(report.log.records / seconds).toLocaleString('en')} records/s): read and stored in ${reading.toFixed(2)} s, ${persons.toLocaleString('en')} persons judged and compared in ${(seconds - reading).toFixed(2)} s; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n`,
        );
      },
    );
}
