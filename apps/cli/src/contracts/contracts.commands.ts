import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { compile } from 'json-schema-to-typescript';
import { asyncApiDocument, ContractValidator, diffSchemas, type ContractBinding, type JsonSchema } from '@hub/contracts';
import { serviceVersion } from '@hub/config';
import { RegistryClient } from '@hub/registry-client';
import type { CliOutput } from '../cli-output.js';
import { defaultSubject, readEventsFile, readSchemaFile } from '../read-input.js';


const registryOption = ['--registry <url>', 'the contract registry', process.env['HUB_REGISTRY_URL'] ?? 'http://127.0.0.1:8081'] as const;

/** A schema from a file, or `subject@version` from the registry (`@latest` by default). */
async function schemaFrom(reference: string, registry: RegistryClient): Promise<JsonSchema> {
  if (reference.endsWith('.json')) return readSchemaFile(reference);
  const [subject, version = 'latest'] = reference.split('@');
  return JSON.parse((await registry.version(subject!, version)).schema) as JsonSchema;
}

/** `hub contracts ...`: what integration engineers do with contracts. */
export function addContractsCommands(program: Command, io: CliOutput): void {
  const contracts = program.command('contracts').description('register, check and evolve data contracts');

  contracts
    .command('list')
    .description('the registered contracts with their owner, topic and lifecycle')
    .option(...registryOption)
    .action(async (options: { registry: string }) => {
      for (const c of await new RegistryClient(options.registry).contracts()) {
        io.out(`${c.subject}  v${c.version}  ${c.lifecycle.padEnd(10)}  owner ${c.binding?.owner ?? '-'}  topic ${c.binding?.topic ?? '-'}`);
      }
    });

  contracts
    .command('show <subject>')
    .description('the schema of a subject')
    .option('--version <version>', 'a version number', 'latest')
    .option(...registryOption)
    .action(async (subject: string, options: { version: string; registry: string }) => {
      const found = await new RegistryClient(options.registry).version(subject, options.version);
      io.out(JSON.stringify(JSON.parse(found.schema), null, 2));
    });

  contracts
    .command('check <file>')
    .description('dry run: would this schema be accepted (and, with --sample-days, would it accept the recent traffic)? exit code 0 yes, 1 no')
    .option('--subject <subject>', 'default: <topic>-value from the file')
    .option('--sample-days <days>', 'also validate the events on the topic over the last days')
    .option(...registryOption)
    .action(async (file: string, options: { subject?: string; sampleDays?: string; registry: string }) => {
      const schema = readSchemaFile(file);
      const subject = options.subject ?? defaultSubject(schema, file);
      const registry = new RegistryClient(options.registry);
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

  contracts
    .command('register <file>')
    .description('register the schema as the next version of its subject')
    .option('--subject <subject>', 'default: <topic>-value from the file')
    .option(...registryOption)
    .action(async (file: string, options: { subject?: string; registry: string }) => {
      const schema = readSchemaFile(file);
      const subject = options.subject ?? defaultSubject(schema, file);
      const registry = new RegistryClient(options.registry);
      const { id } = await registry.register(subject, schema);
      const latest = await registry.version(subject);
      io.out(`${subject}: version ${latest.version}, schema id ${id}`);
    });

  contracts
    .command('diff <old> <new>')
    .description('structural differences between two schemas (files, or subject@version)')
    .option(...registryOption)
    .action(async (oldRef: string, newRef: string, options: { registry: string }) => {
      const registry = new RegistryClient(options.registry);
      const differences = diffSchemas(await schemaFrom(oldRef, registry), await schemaFrom(newRef, registry));
      if (differences.length === 0) io.out('no structural differences');
      for (const d of differences) io.out(`${d.effect.padEnd(7)}  ${d.kind.padEnd(40)}  ${d.pointer || '/'}  ${d.detail}`);
    });

  contracts
    .command('deprecate <subject>')
    .description('mark a contract deprecated (still accepted; producers should move on)')
    .option(...registryOption)
    .action(async (subject: string, options: { registry: string }) => {
      const contract = await new RegistryClient(options.registry).setLifecycle(subject, 'deprecated');
      io.out(`${contract.subject}: ${contract.lifecycle}`);
    });

  contracts
    .command('validate <events>')
    .description('validate a file of sample events (JSON array or NDJSON; CloudEvents by their data); exit code 1 if any is invalid')
    .option('--schema <file>', 'a contract file')
    .option('--subject <subject>', 'a registered subject (latest version)')
    .option(...registryOption)
    .action(async (events: string, options: { schema?: string; subject?: string; registry: string }) => {
      const reference = options.schema ?? (options.subject ? `${options.subject}@latest` : undefined);
      if (!reference) throw new Error('give the contract with --schema <file> or --subject <subject>');
      const schema = await schemaFrom(reference, new RegistryClient(options.registry));
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

  contracts
    .command('generate-types <contract>')
    .description('TypeScript types of a contract (a file, or subject@version)')
    .option('--out <file>', 'write to a file instead of printing')
    .option(...registryOption)
    .action(async (contract: string, options: { out?: string; registry: string }) => {
      const schema = await schemaFrom(contract, new RegistryClient(options.registry));
      const { $id: _id, $schema: _schema, examples: _examples, ...body } = schema;
      const name = String((schema['x-hub-contract'] as ContractBinding | undefined)?.type ?? 'Contract');
      const source = await compile(body as Parameters<typeof compile>[0], name, {
        bannerComment: `/* Generated by \`hub contracts generate-types ${contract}\`; do not edit. */`,
        additionalProperties: false,
        strictIndexSignatures: true,
      });
      if (options.out) writeFileSync(options.out, source);
      else io.out(source.trimEnd());
    });

  contracts
    .command('export-asyncapi')
    .description('an AsyncAPI 3.0 document of the registered topics and contracts')
    .option('--out <file>', 'write to a file instead of printing')
    .option('--server <host:port>', 'the Kafka bootstrap server to name', process.env['KAFKA_BROKERS']?.split(',')[0] ?? '127.0.0.1:9092')
    .option(...registryOption)
    .action(async (options: { out?: string; server: string; registry: string }) => {
      const registry = new RegistryClient(options.registry);
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
