import { randomBytes } from 'node:crypto';

/** A name no other test uses (topics, groups, databases), so suites never see each other's data. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}
