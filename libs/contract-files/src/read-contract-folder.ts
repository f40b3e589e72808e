import { existsSync, globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractBinding, type ContractBinding, type JsonSchema } from '@hub/contracts';

export interface InvalidExample {
  description: string;
  document: unknown;
  expectedError: { instancePath: string; keyword: string };
}

export interface ContractFile {
  /** Path below the folder without the suffix, e.g. `education/student-aid.granted.v1`. */
  name: string;
  schema: JsonSchema;
  /** Its `x-hub-contract`. */
  binding: ContractBinding;
  /** Documents the contract must reject, from `<name>.invalid-examples.json` (empty when there is none). */
  invalidExamples: InvalidExample[];
}

/** A file in the contracts folder that is not a contract the hub can bind to a topic. */
export class ContractFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`contracts/${file}.schema.json: ${reason}`);
    this.name = 'ContractFileError';
  }
}

/**
 * Reads every `<owner>/<entity>.<event>.v<major>.schema.json` below a folder (the repository's
 * contracts/), with its binding and invalid examples. Valid examples sit in each schema's `examples`.
 * @throws ContractFileError for a schema with no valid binding.
 */
export function readContractFolder(folder: string): ContractFile[] {
  return globSync('**/*.schema.json', { cwd: folder })
    .sort()
    .map((file) => {
      const name = file.replace(/\.schema\.json$/, '');
      const read = (suffix: string) => JSON.parse(readFileSync(join(folder, `${name}${suffix}`), 'utf8')) as unknown;
      const invalidFile = existsSync(join(folder, `${name}.invalid-examples.json`));
      const schema = read('.schema.json') as JsonSchema;
      const binding = contractBinding(schema);
      if (!binding) throw new ContractFileError(name, 'its x-hub-contract is missing or lacks an owner, type, whole-number version, topic or partition key');
      return {
        name,
        schema,
        binding,
        invalidExamples: invalidFile ? (read('.invalid-examples.json') as InvalidExample[]) : [],
      };
    });
}
