import { existsSync, readFileSync } from 'node:fs';
import type { CliEnvironment } from './cli-environment.js';
import { localHubFile } from './local-hub-file.js';
import { InputError } from './read-input.js';

/** The file of API keys by member that `npm start` writes for the local hub. */
export const LOCAL_KEY_FILE = localHubFile('api-keys.json');

/** The API key the command uses for a member: HUB_API_KEY if set, else the member's key in the key file. */
export function memberKey(env: CliEnvironment, member: string, keyFile: string): string {
  if (env.HUB_API_KEY) return env.HUB_API_KEY;
  if (!existsSync(keyFile)) throw new InputError(`no API key: set HUB_API_KEY, or point --key-file at a JSON file of keys by member (npm start writes ${LOCAL_KEY_FILE})`);
  const keys = JSON.parse(readFileSync(keyFile, 'utf8')) as Record<string, string>;
  const key = keys[member];
  if (!key) throw new InputError(`${keyFile} holds no key for ${member}; it has ${Object.keys(keys).join(', ')}`);
  return key;
}
