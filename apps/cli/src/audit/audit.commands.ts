import type { Command } from 'commander';
import { openAuditStore, readTrustedKey, verifyAuditStore } from '@hub/audit';
import type { CliOutput } from '../cli-output.js';
import { ProgressLine } from '../progress-line.js';
import { InputError } from '../read-input.js';

const databaseOption = ['--database <url>', 'the hub\'s PostgreSQL', process.env['DATABASE_URL'] ?? 'postgres://hub:hub@127.0.0.1:5432/hub'] as const;
const collect = (value: string, previous: string[]) => [...previous, value];

/** `hub audit ...`: what auditors run against the audit store. */
export function addAuditCommands(program: Command, io: CliOutput): void {
  const audit = program.command('audit').description('check and read the tamper-evident audit store');

  audit
    .command('verify')
    .description('recompute every hash chain and check every checkpoint\'s signature; exit 1 at a broken link')
    .option('--public-key <file>', 'a trusted Ed25519 public key (PEM); repeat for keys used before a rotation', collect, [])
    .option(...databaseOption)
    .action(async (options: { publicKey: string[]; database: string }) => {
      const keyFiles = options.publicKey.length > 0 ? options.publicKey : ['.hub/audit-public-key.pem'];
      const keys = keyFiles.map(readTrustedKey);
      const { store, close } = await openAuditStore(options.database);
      const started = Date.now();
      try {
        const progress = new ProgressLine('entries verified');
        const result = await verifyAuditStore(store, keys, ({ entriesDone, entriesTotal }) => progress.update(entriesDone, entriesTotal));
        const seconds = (Date.now() - started) / 1000;
        const summary = `${result.chains} chains, ${result.entries.toLocaleString('en')} entries, ${result.checkpoints} checkpoints, in ${seconds.toFixed(1)} s (${Math.round(result.entries / Math.max(seconds, 0.001)).toLocaleString('en')} entries/s)`;
        if (result.breaks.length === 0) {
          io.out(`intact: ${summary}; ${result.unsealedEntries} entries after the last checkpoints, not yet sealed`);
          return;
        }
        for (const broken of result.breaks) io.out(`BROKEN ${broken.kind} at ${broken.topic}/${broken.partition} offset ${broken.offset} (entry ${broken.position}): ${broken.message}`);
        io.out(`${result.breaks.length} broken chain(s) of ${summary}`);
        io.fail(1);
      } finally {
        await close();
      }
    });

  audit
    .command('lineage <findingId>')
    .description('why a finding was raised and who saw it: the events it rests on, its changes, the responses and every read that served it, from the audit store')
    .option('--json', 'print the lineage as JSON')
    .option('--findings-topic <topic>', 'where the crosscheck announces findings', process.env['FINDINGS_TOPIC'] ?? 'hub.finding.changed.v1')
    .option('--responses-topic <topic>', 'where departments\' responses are recorded', 'hub.finding-response.recorded.v1')
    .option('--access-log-topic <topic>', 'where reads are logged', 'hub.access-log')
    .option(...databaseOption)
    .action(async (findingId: string, options: { json?: boolean; findingsTopic: string; responsesTopic: string; accessLogTopic: string; database: string }) => {
      if (!/^[0-9a-f]{64}$/.test(findingId)) throw new InputError(`a finding id is 64 hexadecimal digits, not "${findingId}"`);
      const { lineage, close } = await openAuditStore(options.database);
      try {
        const found = await lineage.of(findingId, { findings: options.findingsTopic, responses: options.responsesTopic, accessLog: options.accessLogTopic });
        if (options.json) return io.out(JSON.stringify(found, null, 2));
        if (found.steps.length === 0) {
          io.out(`the audit store holds nothing about finding ${findingId}`);
          return io.fail(1);
        }
        io.out(`finding ${findingId}`);
        for (const step of found.steps) io.out(`  ${step.at}  ${step.kind.padEnd(14)} ${step.by.padEnd(20)} ${step.what}  [${step.topic}/${step.partition}@${step.offset}]`);
        for (const missing of found.missingEvidence) io.out(`  evidence ${missing.source} ${missing.eventId} is not in the audit store (recorded before the audit ran)`);
      } finally {
        await close();
      }
    });
}
