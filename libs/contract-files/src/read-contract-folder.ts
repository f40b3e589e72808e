import { existsSync, globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonSchema } from '@hub/contracts';

export interface InvalidExample {
  description: string;
  document: unknown;
  expectedError: { instancePath: string; keyword: string };
}

export interface ContractFile {
  /** Path below the folder without the suffix, e.g. `education/student-aid.granted.v1`. */
  name: string;
  schema: JsonSchema;
  /** Documents the contract must reject, from `<name>.invalid-examples.json` (empty when there is none). */
  invalidExamples: InvalidExample[];
}

/**
 * Reads every `<owner>/<entity>.<event>.v<major>.schema.json` below a folder (the repository's
 * contracts/), with its invalid examples. Valid examples sit in each schema's `examples`.
 */
export function readContractFolder(folder: string): ContractFile[] {
  return globSync('**/*.schema.json', { cwd: folder })
    .sort()
    .map((file) => {
      const name = file.replace(/\.schema\.json$/, '');
      const read = (suffix: string) => JSON.parse(readFileSync(join(folder, `${name}${suffix}`), 'utf8')) as unknown;
      const invalidFile = existsSync(join(folder, `${name}.invalid-examples.json`));
      return {
        name,
        schema: read('.schema.json') as JsonSchema,
        invalidExamples: invalidFile ? (read('.invalid-examples.json') as InvalidExample[]) : [],
      };
    });
}
