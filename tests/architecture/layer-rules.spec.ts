/**
 * The boundaries the architecture relies on, checked on every test run: kafkajs stays behind
 * libs/messaging (so the client can be swapped), apps import no Kafka or TypeORM internals, and
 * the error base and the contract logic stay free of any framework or I/O.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findProjectRoot } from '@hub/local-infra';

const root = findProjectRoot();

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

function importersOf(pattern: RegExp, folders: string[]): string[] {
  return folders.flatMap(sourceFiles).filter((file) => pattern.test(readFileSync(join(root, file), 'utf8')));
}

const importing = (module: string) => new RegExp(`from '${module}(/[^']*)?'`);

describe('layer rules', () => {
  it('only libs/messaging imports kafkajs', () => {
    const importers = importersOf(importing('kafkajs'), ['apps', 'libs']);
    expect(importers.filter((file) => !file.startsWith('libs/messaging/'))).toEqual([]);
    expect(importers.length).toBeGreaterThan(0);
  });

  it('apps import neither kafkajs nor typeorm', () => {
    expect(importersOf(/from '(kafkajs|typeorm)'/, ['apps'])).toEqual([]);
  });

  it('the error base imports no framework', () => {
    expect(importersOf(/from '@nestjs|from 'kafkajs'|from 'typeorm'/, ['libs/errors'])).toEqual([]);
  });

  it('the contract, privacy, ingest, access, precise-aid (rules), demo-region and audit-chain logic is pure: no framework, Kafka, database or file system', () => {
    expect(importersOf(/from '(@nestjs[^']*|kafkajs|typeorm|pg|node:fs[^']*|node:net|node:child_process|@hub\/messaging|@hub\/persistence)'/, ['libs/contracts', 'libs/privacy', 'libs/ingest', 'libs/access', 'libs/precise-aid', 'libs/demo-region', 'libs/audit-chain'])).toEqual([]);
  });
});
