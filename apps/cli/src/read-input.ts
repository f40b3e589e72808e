import { readFileSync } from 'node:fs';
import { contractBinding, type JsonSchema } from '@hub/contracts';

/** A problem with what the user gave the command: it says which file and why, and exits with 2. */
export class InputError extends Error {
  readonly exitCode = 2;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function readSchemaFile(file: string): JsonSchema {
  let value: unknown;
  try {
    value = JSON.parse(readText(file));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(`${file} does not hold a JSON Schema object`);
  return value as JsonSchema;
}

/** Events from a JSON array or NDJSON file; a CloudEvent counts by its data. Line numbers for NDJSON. */
export function readEventsFile(file: string): { position: string; document: unknown }[] {
  const text = readText(file).trim();
  const unwrap = (value: unknown) => (typeof value === 'object' && value !== null && 'specversion' in value && 'data' in value ? (value as { data: unknown }).data : value);
  if (text.startsWith('[')) {
    let values: unknown[];
    try {
      values = JSON.parse(text) as unknown[];
    } catch (error) {
      throw new InputError(`${file} is not a JSON array: ${error instanceof Error ? error.message : String(error)}`);
    }
    return values.map((value, index) => ({ position: `record ${index + 1}`, document: unwrap(value) }));
  }
  return text
    .split('\n')
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, number }) => {
      try {
        return { position: `line ${number}`, document: unwrap(JSON.parse(line)) };
      } catch (error) {
        throw new InputError(`${file} line ${number} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
}

/** The subject a contract file registers under: `<topic>-value`, from its x-hub-contract binding. */
export function defaultSubject(schema: JsonSchema, file: string): string {
  const topic = contractBinding(schema)?.topic;
  if (!topic) throw new InputError(`${file} has no x-hub-contract.topic; give the subject with --subject`);
  return `${topic}-value`;
}
