import type { CliEnvironment } from '../cli-environment.js';
import type { Command } from 'commander';
import { HubClient } from '@hub/hub-client';
import { VersionedKeyRing } from '@hub/privacy';
import { openAuditReader, openAuditStore, readPublishedCheckpoints, readTrustedKey, verifyAuditStore, type AuditVerification } from '@hub/audit';
import type { CliOutput } from '../cli-output.js';
import { ProgressLine } from '../progress-line.js';
import { InputError } from '../read-input.js';
import { auditStoreKeys, storeKeysOption } from '../audit-store-keys.js';
import { databaseOption } from '../database-option.js';
import { LOCAL_KEY_FILE, memberKey } from '../member-key.js';
import { readerKafkaSettings } from '../kafka-option.js';
import { localHubFile } from '../local-hub-file.js';

const collect = (value: string, previous: string[]) => [...previous, value];

function publishedSummary(published: AuditVerification['published']): string {
  if (!published) return 'the checkpoints published outside the store were not compared (--no-published-checkpoints)';
  if (published.compared === 0)
    return `no checkpoints signed by a trusted key are published on ${published.topic} (an audit service older than this check, or another topic): the store was checked alone`;
  const left = [published.ignored > 0 ? `${published.ignored} naming keys not trusted` : '', published.unreadable > 0 ? `${published.unreadable} records that are not checkpoints` : ''].filter(
    Boolean,
  );
  return `${published.compared} checkpoints published on ${published.topic} agree with it${left.length > 0 ? ` (left out: ${left.join(', ')})` : ''}`;
}

function brokerSummary(broker: AuditVerification['broker']): string {
  return broker ? `; ${broker.partitions} chains compared with their partitions on the broker, whose ${broker.records.toLocaleString('en')} records up to the heads are all in them` : '';
}

/** `hub audit ...`: what auditors run against the audit store. */
export function addAuditCommands(program: Command, io: CliOutput, env: CliEnvironment): void {
  const audit = program.command('audit').description('check and read the tamper-evident audit store');

  audit
    .command('verify')
    .description(
      "recompute every hash chain, check every checkpoint's signature, and compare the store with the checkpoints published on Kafka and each chain's offsets with its partition; exit 1 at a broken link",
    )
    .option('--public-key <file>', 'a trusted Ed25519 public key (PEM); repeat for keys used before a rotation', collect, [])
    .option(...databaseOption(env, 'audit-reader'))
    .option('--brokers <list>', 'Kafka bootstrap servers, where the checkpoints are published', env.KAFKA_BROKERS)
    .option('--checkpoint-topic <topic>', 'where the audit service publishes its checkpoints', env.AUDIT_CHECKPOINT_TOPIC)
    .option('--no-published-checkpoints', 'check the store alone, without the broker (the end of a chain removed with its checkpoints, or entries dropped, then go unseen)')
    .option('--audit-group <group>', "the audit service's consumer group (its SERVICE_NAME), whose committed offsets say how far it recorded", env.AUDIT_GROUP)
    .option('--ignore-untrusted-checkpoints', "leave out checkpoints published by keys not given with --public-key (another hub's audit on the same topic) instead of failing")
    .action(
      async (options: { publicKey: string[]; database: string; brokers: string; checkpointTopic: string; publishedCheckpoints: boolean; auditGroup: string; ignoreUntrustedCheckpoints?: boolean }) => {
        const keyFiles = options.publicKey.length > 0 ? options.publicKey : [localHubFile('audit-public-key.pem')];
        const keys = keyFiles.map(readTrustedKey);
        const { store, close } = await openAuditStore(options.database);
        const started = Date.now();
        try {
          const progress = new ProgressLine('entries verified');
          const broker = readerKafkaSettings(env, options.brokers, 'hub-audit-verify');
          const published = options.publishedCheckpoints
            ? readPublishedCheckpoints(broker, options.checkpointTopic).catch((error: unknown) => {
                throw new Error(
                  `cannot read the checkpoints published on ${options.checkpointTopic} from ${options.brokers}: ${(error as Error).message}; give --no-published-checkpoints to check the store alone`,
                  { cause: error },
                );
              })
            : undefined;
          const result = await verifyAuditStore(store, keys, {
            onProgress: ({ entriesDone, entriesTotal }) => {
              progress.update(entriesDone, entriesTotal);
            },
            ...(published ? { published, broker, auditGroup: options.auditGroup } : {}),
          });
          const seconds = (Date.now() - started) / 1000;
          const summary = `${result.chains} chains, ${result.entries.toLocaleString('en')} entries, ${result.checkpoints} checkpoints, in ${seconds.toFixed(1)} s (${Math.round(result.entries / Math.max(seconds, 0.001)).toLocaleString('en')} entries/s)`;
          // A checkpoint signed by a key this verify does not trust may be a re-keyed store's: not "intact" unless told (issue 19).
          const untrusted = result.published?.ignored ?? 0;
          if (result.breaks.length === 0 && (untrusted === 0 || options.ignoreUntrustedCheckpoints)) {
            io.out(`intact: ${summary}; ${result.unsealedEntries} entries after the last checkpoints, not yet sealed; ${publishedSummary(result.published)}${brokerSummary(result.broker)}`);
            return;
          }
          if (untrusted > 0 && !options.ignoreUntrustedCheckpoints) {
            io.out(
              `NOT VERIFIED: ${untrusted} checkpoint(s) published on ${result.published!.topic} are signed by keys this verify does not trust (a re-keyed audit store, or another hub's audit on the same topic); give their public keys with --public-key if they are yours, or --ignore-untrusted-checkpoints`,
            );
          }
          for (const broken of result.breaks) io.out(`BROKEN ${broken.kind} at ${broken.topic}/${broken.partition} offset ${broken.offset} (entry ${broken.position}): ${broken.message}`);
          if (result.breaks.length > 0) io.out(`${result.breaks.length} broken chain(s) of ${summary}`);
          io.fail(1);
        } finally {
          await close();
        }
      },
    );

  audit
    .command('lineage <findingId>')
    .description(
      'why a finding was raised and who saw it: the events it rests on, its changes, the responses and every read that served it, from the audit store (the id in full, or its first 8 or more digits as hub findings shows them)',
    )
    .option('--json', 'print the lineage as JSON')
    .option('--findings-topic <topic>', 'where the crosscheck announces findings', env.FINDINGS_TOPIC)
    .option('--responses-topic <topic>', "where departments' responses are recorded", 'hub.finding-response.recorded.v1')
    .option('--access-log-topic <topic>', 'where reads are logged', 'hub.access-log')
    .option(...databaseOption(env, 'audit-reader'))
    .option(...storeKeysOption())
    .action(async (findingId: string, options: { json?: boolean; findingsTopic: string; responsesTopic: string; accessLogTopic: string; database: string; storeKeys: string }) => {
      if (!/^[0-9a-f]{8,64}$/.test(findingId)) throw new InputError(`a finding id is 64 hexadecimal digits, or its first 8 or more as hub findings shows it, not "${findingId}"`);
      const { lineage, close } = await openAuditReader(options.database, VersionedKeyRing.parse(auditStoreKeys(env, options.storeKeys)));
      try {
        if (findingId.length < 64) {
          const ids = await lineage.idsBeginningWith(findingId, options.findingsTopic, 5);
          if (ids.length !== 1) {
            io.out(
              ids.length === 0
                ? `no finding announced on ${options.findingsTopic} has an id beginning ${findingId}`
                : `several findings have ids beginning ${findingId} (${ids.join(', ')}${ids.length === 5 ? ', …' : ''}): give more of its digits`,
            );
            io.fail(1);
            return;
          }
          findingId = ids[0]!;
        }
        const found = await lineage.of(findingId, { findings: options.findingsTopic, responses: options.responsesTopic, accessLog: options.accessLogTopic });
        if (options.json) {
          io.out(JSON.stringify(found, null, 2));
          return;
        }
        if (found.steps.length === 0 && found.expired.length === 0) {
          io.out(`the audit store holds nothing about finding ${findingId}`);
          io.fail(1);
          return;
        }
        io.out(`finding ${findingId}`);
        for (const step of found.steps) io.out(`  ${step.at}  ${step.kind.padEnd(14)} ${step.by.padEnd(20)} ${step.what}  [${step.topic}/${step.partition}@${step.offset}]`);
        for (const missing of found.missingEvidence) io.out(`  evidence ${missing.source} ${missing.eventId} is not in the audit store (recorded before the audit ran)`);
        for (const gone of found.expired)
          io.out(`  ${gone.at}  expired        an entry naming it can no longer be read: the key of ${gone.period} was destroyed (retention)  [${gone.topic}/${gone.partition}@${gone.offset}]`);
      } finally {
        await close();
      }
    });

  audit
    .command('fact-reads')
    .description('persons whose shared facts a member read with no finding routed to it and no record of them beyond one: look-ups through made-up records (through the gateway, as an auditor)')
    .option('--member <member>', 'one member (default: every member)')
    .option('--as <member>', 'the auditor asking', 'audit-office')
    .option('--limit <n>', 'at most this many', '100')
    .option('--key-file <file>', 'API keys by member (HUB_API_KEY wins)', LOCAL_KEY_FILE)
    .option('--gateway <url>', 'the gateway', env.HUB_GATEWAY_URL)
    .action(async (options: { member?: string; as: string; limit: string; keyFile: string; gateway: string }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new InputError(`--limit must be a whole number from 1 to 1000, not "${options.limit}"`);
      const client = new HubClient({ gatewayUrl: options.gateway, apiKey: memberKey(env, options.as, options.keyFile), attempts: 1 });
      const page = await client.unjustifiedFactReads({ limit, ...(options.member ? { member: options.member } : {}) });
      if (page.items.length === 0) {
        io.out(`no unjustified fact reads${options.member ? ` by ${options.member}` : ''}`);
        return;
      }
      io.out(`${page.items.length} person(s) whose facts were read with no finding and no record beyond one:`);
      for (const read of page.items) io.out(`  ${read.member.padEnd(22)} ${read.subject}  ${read.factsServed} fact(s), first ${read.firstReadAt}, last ${read.lastReadAt}, ${read.records} record(s)`);
      if (page.nextCursor) io.out(`... more: --limit up to 1000, or GET /v1/facts/unjustified-reads?after=${page.nextCursor}`);
    });
}
