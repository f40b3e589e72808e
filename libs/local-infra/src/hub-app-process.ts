import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode, HubError } from '@hub/errors';
import { findProjectRoot } from './project-root.js';

export interface HubAppOptions {
  /** The process's whole environment (each caller decides what it inherits: secrets are given, not leaked). */
  env: NodeJS.ProcessEnv;
  stdio: StdioOptions;
  /** Options for Node.js itself, before the entry (e.g. `--cpu-prof`). */
  nodeArguments?: readonly string[];
  /** The folder whose dist/ holds the apps, and where they run, as in their image's WORKDIR (default: the project's root). */
  root?: string;
  /** The user it runs as (its image's USER); unset, this process's. */
  user?: { uid: number; gid: number };
}

/**
 * Runs a built hub app (`dist/<entry>`, e.g. `apps/gateway/src/main.js`) as its own process, on the
 * Node.js running this one, as it is deployed: the one way `npm start`, the tests and the
 * benchmarks start an app. Each keeps its own choices (environment, where the output goes).
 * @throws HubError when the app is not built.
 */
export function spawnHubApp(entry: string, { env, stdio, nodeArguments = [], root = findProjectRoot(), user }: HubAppOptions): ChildProcess {
  const path = join(root, 'dist', entry.replace(/^dist\//, ''));
  if (!existsSync(path)) throw new HubError(ErrorCode.LocalInfraFailed, `${path} is missing: build first (npm run build; npm start and npm test do)`);
  return spawn(process.execPath, [...nodeArguments, path], { env, stdio, cwd: root, ...user });
}
