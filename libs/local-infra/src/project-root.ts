import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ErrorCode, HubError } from '@hub/errors';

/** The repository folder (the one holding deploy/kafka/pom.xml), found from the working directory up. */
export function findProjectRoot(start: string = process.cwd()): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'deploy', 'kafka', 'pom.xml'))) return dir;
    if (dirname(dir) === dir) {
      throw new HubError(ErrorCode.LocalInfraFailed, `not inside the hub repository (no deploy/kafka/pom.xml above ${start})`);
    }
  }
}
