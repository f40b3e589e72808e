import { existsSync, readFileSync } from 'node:fs';
import type { CliEnvironment } from './cli-environment.js';
import { localHubFile } from './local-hub-file.js';

/** Where `npm start` writes the URL of each database role of the local hub. */
const LOCAL_DATABASE_URLS = localHubFile('database-urls.json');

/**
 * The `--database` option of a command that needs one role of the hub's database: DATABASE_URL if
 * set, else the role's URL of the local hub (.hub/database-urls.json), else the local default.
 * So `hub audit verify` reads with the read-only role and `hub members` administers as the operator.
 */
export function databaseOption(env: CliEnvironment, role: 'audit-reader' | 'operator', what = "the hub's PostgreSQL"): [string, string, string] {
  const local = existsSync(LOCAL_DATABASE_URLS) ? (JSON.parse(readFileSync(LOCAL_DATABASE_URLS, 'utf8')) as Record<string, string>)[role] : undefined;
  return [
    '--database <url>',
    `${what}, as the ${role} role (default: DATABASE_URL, or the local hub's ${role} in ${LOCAL_DATABASE_URLS})`,
    env.DATABASE_URL ?? local ?? 'postgres://hub:hub@127.0.0.1:5432/hub',
  ];
}
