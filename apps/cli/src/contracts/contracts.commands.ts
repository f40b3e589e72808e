import type { CliEnvironment } from '../cli-environment.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { compile } from 'json-schema-to-typescript';
import { asyncApiDocument, contractBinding, ContractValidator, diffSchemas, type JsonSchema } from '@hub/contracts';
import { serviceVersion } from '@hub/config';
import { contractCatalogueSource, readContractFolder } from '@hub/contract-files';
import { RegistryClient } from '@hub/registry-client';
import type { CliOutput } from '../cli-output.js';
import { LOCAL_KEY_FILE, memberKey } from '../member-key.js';
import { defaultSubject, readEventsFile, readSchemaFile } from '../read-input.js';

interface RegistryOptions {
  registry: string;
  as: string;
  keyFile: string;
}

/** The registry options every command that calls the registry takes: where it is, and as whom (a governed change needs --as data-steward). */
function withRegistryOptions(env: CliEnvironment, command: Command): Command {
  return command
    .option('--registry <url>', 'the contract registry', env.HUB_REGISTRY_URL)
    .option('--as <member>', 'the member to call the registry as', env.HUB_MEMBER)
    .option('--key-file <file>', 'API keys by member (HUB_API_KEY wins)', LOCAL_KEY_FILE);
}

/** A registry client that presents the member's key (read only when the registry is first called). */
const registryFrom = (env: CliEnvironment, options: RegistryOptions) => new RegistryClient(options.registry, () => ({ member: options.as, key: memberKey(env, options.as, options.keyFile) }));

/** A schema from a file, or `subject@version` from the registry (`@latest` by default). */
async function schemaFrom(reference: string, registry: RegistryClient): Promise<JsonSchema> {
  if (reference.endsWith('.json')) return readSchemaFile(reference);
  const [subject, version = 'latest'] = reference.split('@');
  return JSON.parse((await registry.version(subject, version)).schema) as JsonSchema;
}

/** `hub contracts ...`: what integration engineers do with contracts. */
export function addContractsCommands(program: Command, io: CliOutput, env: CliEnvironment): void {
  const contracts = program.command('contracts').description('register, check and evolve data contracts');

  withRegistryOptions(env, contracts.command('list').description('the registered contracts with their owner, topic and lifecycle')).action(async (options: RegistryOptions) => {
    const listed = await registryFrom(env, options).contracts();
    // Columns: the subjects' lengths vary by department and event.
    const width = Math.max(0, ...listed.map((c) => c.subject.length));
    for (const c of listed) {
      io.out(`${c.subject.padEnd(width)}  v${String(c.version).padEnd(3)}  ${c.lifecycle.padEnd(10)}  owner ${(c.binding?.owner ?? '-').padEnd(20)}  topic ${c.binding?.topic ?? '-'}`);
    }
  });

  withRegistryOptions(env, contracts.command('show <subject>').description('the schema of a subject').option('--version <version>', 'a version number', 'latest')).action(
    async (subject: string, options: RegistryOptions & { version: string }) => {
      const found = await registryFrom(env, options).version(subject, options.version);
      io.out(JSON.stringify(JSON.parse(found.schema), null, 2));
    },
  );

  withRegistryOptions(
    env,
    contracts
      .command('check <file>')
      .description('dry run: would this schema be accepted (and, with --sample-days, would it accept the recent traffic)? exit code 0 yes, 1 no')
      .option('--subject <subject>', 'default: <topic>-value from the file')
      .option('--sample-days <days>', 'also validate the events on the topic over the last days'),
  ).action(async (file: string, options: RegistryOptions & { subject?: string; sampleDays?: string }) => {
    const schema = readSchemaFile(file);
    const subject = options.subject ?? defaultSubject(schema, file);
    const registry = registryFrom(env, options);
    const verdict = await registry.check(subject, schema);
    io.out(verdict.is_compatible ? `${subject}: compatible` : `${subject}: NOT compatible`);
    for (const message of verdict.messages) io.out(`  - ${message}`);
    if (!verdict.is_compatible) io.fail(1);
    if (options.sampleDays === undefined) return;
    const sample = await registry.sampleCheck(subject, schema, Number(options.sampleDays));
    io.out(`${sample.checked} events on ${sample.topic} since ${sample.since}; ${sample.failed} would be rejected`);
    for (const reason of sample.reasons) io.out(`  - ${reason.records} × ${reason.instancePath || '/'} ${reason.message}`);
    if (sample.failed > 0) io.fail(1);
  });

  withRegistryOptions(
    env,
    contracts.command('register <file>').description('register the schema as the next version of its subject').option('--subject <subject>', 'default: <topic>-value from the file'),
  ).action(async (file: string, options: RegistryOptions & { subject?: string }) => {
    const schema = readSchemaFile(file);
    const subject = options.subject ?? defaultSubject(schema, file);
    const registry = registryFrom(env, options);
    const { id } = await registry.register(subject, schema);
    const latest = await registry.version(subject);
    io.out(`${subject}: version ${latest.version}, schema id ${id}`);
  });

  withRegistryOptions(env, contracts.command('diff <old> <new>').description('structural differences between two schemas (files, or subject@version)')).action(
    async (oldRef: string, newRef: string, options: RegistryOptions) => {
      const registry = registryFrom(env, options);
      const differences = diffSchemas(await schemaFrom(oldRef, registry), await schemaFrom(newRef, registry));
      if (differences.length === 0) io.out('no structural differences');
      for (const d of differences) io.out(`${d.effect.padEnd(7)}  ${d.kind.padEnd(40)}  ${d.pointer || '/'}  ${d.detail}`);
    },
  );

  withRegistryOptions(env, contracts.command('deprecate <subject>').description('mark a contract deprecated (still accepted; producers should move on)')).action(
    async (subject: string, options: RegistryOptions) => {
      const contract = await registryFrom(env, options).setLifecycle(subject, 'deprecated');
      io.out(`${contract.subject}: ${contract.lifecycle}`);
    },
  );

  withRegistryOptions(
    env,
    contracts
      .command('validate <events>')
      .description('validate a file of sample events (JSON array or NDJSON; CloudEvents by their data); exit code 1 if any is invalid')
      .option('--schema <file>', 'a contract file')
      .option('--subject <subject>', 'a registered subject (latest version)'),
  ).action(async (events: string, options: RegistryOptions & { schema?: string; subject?: string }) => {
    const reference = options.schema ?? (options.subject ? `${options.subject}@latest` : undefined);
    if (!reference) throw new Error('give the contract with --schema <file> or --subject <subject>');
    const schema = await schemaFrom(reference, registryFrom(env, options));
    const validator = new ContractValidator();
    const id = validator.add({ ...schema, $id: 'urn:nx-hub:cli:validate' });
    let invalid = 0;
    const records = readEventsFile(events);
    for (const { position, document } of records) {
      const result = validator.validate(id, document);
      if (result.valid) continue;
      invalid++;
      for (const v of result.violations) io.out(`${position}: ${v.instancePath || '/'} ${v.message}`);
    }
    io.out(`${records.length - invalid} of ${records.length} valid`);
    if (invalid > 0) io.fail(1);
  });

  withRegistryOptions(
    env,
    contracts.command('generate-types <contract>').description('TypeScript types of a contract (a file, or subject@version)').option('--out <file>', 'write to a file instead of printing'),
  ).action(async (contract: string, options: RegistryOptions & { out?: string }) => {
    const schema = await schemaFrom(contract, registryFrom(env, options));
    const { $id: _id, $schema: _schema, examples: _examples, ...body } = schema;
    const name = contractBinding(schema)?.type ?? 'Contract';
    const source = await compile(body, name, {
      bannerComment: `/* Generated by \`hub contracts generate-types ${contract}\`; do not edit. */`,
      additionalProperties: false,
      strictIndexSignatures: true,
    });
    if (options.out) writeFileSync(options.out, source);
    else io.out(source.trimEnd());
  });

  contracts
    .command('generate-catalogue')
    .description('the TypeScript catalogue of a contracts folder: every event type with its binding, and the type of each record (npm run generate)')
    .option('--folder <dir>', 'the contracts folder', 'contracts')
    .option('--out <file>', 'write to a file instead of printing')
    .action(async (options: { folder: string; out?: string }) => {
      const source = await contractCatalogueSource(readContractFolder(options.folder));
      if (!options.out) {
        io.out(source.trimEnd());
        return;
      }
      mkdirSync(dirname(options.out), { recursive: true });
      writeFileSync(options.out, source);
      io.out(`wrote ${options.out}`);
    });

  withRegistryOptions(
    env,
    contracts
      .command('export-asyncapi')
      .description('an AsyncAPI 3.0 document of the registered topics and contracts')
      .option('--out <file>', 'write to a file instead of printing')
      .option('--server <host:port>', "the Kafka bootstrap server departments connect to (the members' TLS listener)", '127.0.0.1:9094'),
  ).action(async (options: RegistryOptions & { out?: string; server: string }) => {
    const registry = registryFrom(env, options);
    const published = [];
    for (const listing of await registry.contracts()) {
      if (!listing.binding) continue;
      const { schema } = await registry.version(listing.subject, String(listing.version));
      published.push({ subject: listing.subject, version: listing.version, lifecycle: listing.lifecycle, binding: listing.binding, schema: JSON.parse(schema) as JsonSchema });
    }
    const document = JSON.stringify(asyncApiDocument(published, { title: 'Ningxia data-sharing hub', version: serviceVersion(), servers: { hub: options.server } }), null, 2);
    if (options.out) writeFileSync(options.out, `${document}\n`);
    else io.out(document);
  });
}
