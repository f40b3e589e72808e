import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { findProjectRoot } from '@hub/local-infra';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the `hub` command as a user would (its bin script, built CLI), and collects what it prints; `env` adds to the environment. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(findProjectRoot(), 'apps', 'cli', 'bin', 'hub.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}
