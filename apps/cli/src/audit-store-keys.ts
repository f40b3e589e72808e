import { existsSync, readFileSync } from 'node:fs';
import { KeyRingError, VersionedKeyRing } from '@hub/privacy';
import type { CliEnvironment } from './cli-environment.js';
import { localHubFile } from './local-hub-file.js';
import { InputError } from './read-input.js';

/** Where `npm start` keeps the local hub's audit key ring. */
export const LOCAL_AUDIT_STORE_KEYS = localHubFile('audit-store-keys');

/** The `--store-keys <file>` option of a command that reads what the audit store sealed. */
export const storeKeysOption = (): [string, string, string] => [
  '--store-keys <file>',
  "a file holding the audit's key ring, to open the entries it sealed (AUDIT_STORE_KEYS wins)",
  LOCAL_AUDIT_STORE_KEYS,
];

/** The audit's key ring as text: AUDIT_STORE_KEYS if set, else the file's. */
export function auditStoreKeys(env: CliEnvironment, file: string): string {
  const text = env.AUDIT_STORE_KEYS ?? (existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined);
  if (text === undefined)
    throw new InputError(`the audit store's entries are sealed: set AUDIT_STORE_KEYS, or point --store-keys at the file of the audit's key ring (npm start keeps it in ${LOCAL_AUDIT_STORE_KEYS})`);
  try {
    VersionedKeyRing.parse(text);
  } catch (error) {
    if (error instanceof KeyRingError) throw new InputError(`the audit's key ring ${env.AUDIT_STORE_KEYS ? 'in AUDIT_STORE_KEYS' : `in ${file}`} is not valid: ${error.message}`);
    throw error;
  }
  return text;
}
