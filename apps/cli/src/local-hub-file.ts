import { join } from 'node:path';

/** A file of the local hub's state, where `npm start` keeps it: `.hub/`, or HUB_HOME (as the launcher reads it). */
export function localHubFile(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(env['HUB_HOME'] || '.hub', name);
}
