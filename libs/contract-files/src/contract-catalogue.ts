import { compile } from 'json-schema-to-typescript';
import type { ContractFile } from './read-contract-folder.js';

/** Where the catalogue of the standard contracts is generated, from the repository's root. */
export const CATALOGUE_FILE = 'libs/contracts/src/generated/standard-contracts.ts';

/** `civil-affairs.household-status.changed` v1 → `CivilAffairsHouseholdStatusChangedV1`. */
const typeName = (type: string, version: number) =>
  `${type
    .split(/[.-]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')}V${version}`;

/**
 * The TypeScript source of the standard contracts' catalogue: every event type (its topic) with its
 * binding, and the type of a department's record of each, from the contracts alone. Generated
 * (`npm run generate`), never edited: `tests/contracts/contract-catalogue.spec.ts` fails when the
 * file differs from what the contracts give.
 */
export async function contractCatalogueSource(contracts: readonly ContractFile[]): Promise<string> {
  const sorted = [...contracts].sort((a, b) => a.binding.topic.localeCompare(b.binding.topic));
  const literal = (value: string | number) => (typeof value === 'string' ? `'${value}'` : String(value));
  const bindings = sorted.map(
    (c) =>
      `  '${c.binding.topic}': { ${Object.entries(c.binding)
        .map(([key, value]) => `${key}: ${literal(value as string | number)}`)
        .join(', ')} },`,
  );
  const records = await Promise.all(
    sorted.map(async ({ schema, binding }) => {
      // Named by type and version (the title would name two versions alike); arrays as arrays, not tuples of their bounds.
      const { $id: _id, $schema: _schema, examples: _examples, title, ...body } = schema;
      const text = (value: unknown) => (typeof value === 'string' ? value : '');
      const described = { ...body, description: `${text(title)}. ${text(body['description'])}`.trim() };
      return compile(described, typeName(binding.type, binding.version), {
        bannerComment: '',
        additionalProperties: false,
        strictIndexSignatures: true,
        ignoreMinAndMaxItems: true,
      });
    }),
  );
  return [
    '/* Generated from contracts/ by `npm run generate`; do not edit. tests/contracts/contract-catalogue.spec.ts fails when it is stale. */',
    '',
    '/** Every standard event type (its topic: `<type>.v<version>`), with the binding its contract declares. */',
    'export const EVENT_TYPES = {',
    ...bindings,
    '} as const;',
    '',
    '/** A standard event type, e.g. `education.student-aid.granted.v2`. */',
    'export type EventType = keyof typeof EVENT_TYPES;',
    '',
    "/** A department's record of each event type, as its contract says (identifiers in the clear: before the gateway). */",
    'export interface DepartmentRecords {',
    ...sorted.map(({ binding }) => `  '${binding.topic}': ${typeName(binding.type, binding.version)};`),
    '}',
    '',
    ...records.map((source) => source.trim() + '\n'),
  ].join('\n');
}
