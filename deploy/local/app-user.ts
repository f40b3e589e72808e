import { chownSync, existsSync } from 'node:fs';
import { dirname, relative } from 'node:path';

/** The user the apps run as, when the launcher is told one. */
export interface AppUser {
  uid: number;
  gid: number;
}

/**
 * HUB_APP_USER (`uid:gid`, as a Dockerfile's USER): the apps run as that user, as in their image.
 * Switching users needs the launcher to run as root.
 * @throws Error when the value is not two whole numbers.
 */
export function appUserOf(value: string | undefined): AppUser | undefined {
  if (value === undefined || value === '') return undefined;
  const match = /^(\d+):(\d+)$/.exec(value);
  if (!match) throw new Error(`HUB_APP_USER must be <uid>:<gid>, e.g. 1000:1000 (the image's USER), not ${value}`);
  return { uid: Number(match[1]), gid: Number(match[2]) };
}

/**
 * Gives the user the files of the local state named in an app's environment (`…_FILE`), and the
 * folders they are in below the state's own, as a cluster mounts a pod's Secrets for its user:
 * the launcher writes private keys for itself alone (0600).
 */
export function handFilesTo(user: AppUser, env: NodeJS.ProcessEnv, localFolder: string): void {
  for (const [name, value] of Object.entries(env)) {
    if (!name.endsWith('_FILE') || value === undefined || !existsSync(value) || relative(localFolder, value).startsWith('..')) continue;
    for (let path = value; path !== localFolder && !relative(localFolder, path).startsWith('..'); path = dirname(path)) chownSync(path, user.uid, user.gid);
  }
}
