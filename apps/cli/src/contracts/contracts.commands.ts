import type { Command } from 'commander';
import { ContractValidator, diffSchemas, type JsonSchema } from '@hub/contracts';
import { RegistryClient } from '@hub/registry-client';
import { defaultSubject, readEventsFile, readSchemaFile } from '../read-input.js';

interface Output {
  out(line: string): void;
  /** Sets the exit code without stopping (a failed check still prints everything). */
  fail(code: number): void;
}

const registryOption = ['--registry <url>', 'the contract registry', process.env['HUB_REGISTRY_URL'] ?? 'http://127.0.0.1:8081'] as const;

/** A schema from a file, or `subject@version` from the registry (`@latest` by default). */
async function schemaFrom(reference: string, registry: RegistryClient): Promise<JsonSchema> {
  if (reference.endsWith('.json')) return readSchemaFile(reference);
  const [subject, version = 'latest'] = reference.split('@');
  return JSON.parse((await registry.version(subject!, version)).schema) as JsonSchema;
}

/** `hub contracts ...`: what integration engineers do with contracts. */
export function addContractsCommands(program: Command, io: Output): void {
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
    .description('dry run: would this schema be accepted? exit code 0 yes, 1 no')
    .option('--subject <subject>', 'default: <topic>-value from the file')
    .option(...registryOption)
    .action(async (file: string, options: { subject?: string; registry: string }) => {
      const schema = readSchemaFile(file);
      const subject = options.subject ?? defaultSubject(schema, file);
      const verdict = await new RegistryClient(options.registry).check(subject, schema);
      io.out(verdict.is_compatible ? `${subject}: compatible` : `${subject}: NOT compatible`);
      for (const message of verdict.messages) io.out(`  - ${message}`);
      if (!verdict.is_compatible) io.fail(1);
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
}
