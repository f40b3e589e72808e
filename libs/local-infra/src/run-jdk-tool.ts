import { spawn } from 'node:child_process';
import { ErrorCode, HubError } from '@hub/errors';

/** Runs a JDK program (java, keytool) to its end; a failure says what failed, with the end of its output. */
export function runJdkTool(command: 'java' | 'keytool', args: string[], failure: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => {
      reject(new HubError(ErrorCode.LocalInfraFailed, `${failure}: cannot run ${command} (${error.message})`));
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new HubError(ErrorCode.LocalInfraFailed, `${failure}:\n${output.slice(-3000)}`));
    });
  });
}
