import { createWriteStream, mkdirSync, writeFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Command } from 'commander';
import { addCounts, emptyCounts, generateRegion, prevalenceRows, REGION_DAY } from '@hub/demo-region';
import type { CliOutput } from '../cli-output.js';
import { ProgressLine } from '../progress-line.js';
import { localHubFile } from '../local-hub-file.js';
import { DEPARTMENT_IDS } from '@hub/departments';

const positive = (text: string, what: string): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${what} must be a positive whole number, not "${text}"`);
  return value;
};

/** Writes a line, waiting when the file's buffer is full, so memory stays flat however large the region. */
async function writeLine(stream: WriteStream, value: unknown): Promise<void> {
  if (!stream.write(`${JSON.stringify(value)}\n`)) await once(stream, 'drain');
}

/** `hub demo ...`: the synthetic region the demo and the benchmarks run on. */
export function addDemoCommands(program: Command, io: CliOutput): void {
  const demo = program.command('demo').description('a synthetic Ningxia region for demos and benchmarks');

  demo
    .command('generate')
    .description('write a deterministic synthetic region: one NDJSON file of records per department, and the findings the hub must raise')
    .option('--persons <n>', 'how many residents, in whole households, so the last may add a few more (the full region is 7202654)', '1000')
    .option('--seed <n>', 'the same seed gives the same region', '1')
    .option('--out <dir>', 'where to write', localHubFile('demo-region'))
    .action(async (options: { persons: string; seed: string; out: string }) => {
      const persons = positive(options.persons, '--persons');
      mkdirSync(options.out, { recursive: true });
      const files = new Map<string, WriteStream>(DEPARTMENT_IDS.map((department) => [department, createWriteStream(join(options.out, `${department}.ndjson`))]));
      const expectedFile = createWriteStream(join(options.out, 'expected-findings.ndjson'));
      const counts = { households: 0, persons: 0, records: 0, expected: 0 };
      const groups = emptyCounts();
      const progress = new ProgressLine('persons');
      for (const household of generateRegion({ persons, seed: positive(options.seed, '--seed') })) {
        for (const { department, record } of household.records) await writeLine(files.get(department)!, record);
        for (const finding of household.expected) await writeLine(expectedFile, finding);
        counts.households++;
        counts.persons += household.persons;
        counts.records += household.records.length;
        counts.expected += household.expected.length;
        addCounts(groups, household.counts);
        // Progress toward the residents asked for; the last household may take the count past them.
        progress.update(Math.min(counts.persons, persons), persons);
      }
      await Promise.all([...files.values(), expectedFile].map((stream) => new Promise<void>((resolve) => stream.end(resolve))));
      const prevalences = prevalenceRows(groups);
      writeFileSync(join(options.out, 'summary.json'), `${JSON.stringify({ seed: Number(options.seed), evaluationDate: REGION_DAY, ...counts, prevalences }, null, 2)}\n`);
      const past = counts.persons - persons;
      const whole = past > 0 ? ` (${persons} asked for; the last household adds ${past} more)` : '';
      io.out(`${counts.persons} persons${whole} in ${counts.households} households: ${counts.records} records, ${counts.expected} expected findings, in ${options.out} (judge as of ${REGION_DAY})`);
      io.out('groups of residents, produced beside the target (../shared/policy-review.md §4):');
      for (const row of prevalences) io.out(`  ${row.within ? ' ' : '!'} ${row.group}: ${row.produced} (target ${row.target}; ${row.source})`);
    });
}
