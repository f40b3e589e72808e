import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProjectRoot, freePort } from '@hub/local-infra';
import { startRegistry, type TestRegistry } from '../support/registry-app.js';
import { runCli } from '../support/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { standardContracts } from '../support/standard-contracts.js';

const contractsDir = join(findProjectRoot(), 'contracts');
const AID_FILE = join(contractsDir, 'education', 'student-aid.granted.v1.schema.json');
const AID = 'education.student-aid.granted.v1-value';

describe('npx hub contracts', () => {
  let database: TestDatabase;
  let app: TestRegistry;
  let registry: string[];
  const folder = mkdtempSync(join(tmpdir(), 'hub-cli-'));
  const file = (name: string, content: unknown) => {
    const path = join(folder, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const aid = () => JSON.parse(readFileSync(AID_FILE, 'utf8')) as Record<string, unknown> & { properties: Record<string, unknown>; examples: unknown[] };

  beforeAll(async () => {
    database = await createTestDatabase('cli');
    app = await startRegistry(database);
    // As a user of the local hub would: the key file npm start writes, the integration engineer by default.
    registry = ['--registry', app.url, '--key-file', file('api-keys.json', app.keys)];
  });

  afterAll(async () => {
    await app.app.close();
    await database.drop();
  });

  it('lists the registered contracts with owner, topic and lifecycle', async () => {
    const { code, stdout } = await runCli(['contracts', 'list', ...registry]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${escaped(AID)} +v1 +active +owner education +topic ${escaped('education.student-aid.granted.v1')}$`)));
    // In columns: each line's owner and topic where the others' are.
    expect(new Set(lines.map((line) => [line.indexOf(' owner '), line.indexOf(' topic ')].join()))).toHaveProperty('size', 1);
  });

  it('checks a compatible change with exit code 0, and an incompatible one with 1 and the reasons', async () => {
    const compatible = aid();
    compatible.properties['remark'] = { type: 'string', 'x-hub-classification': 'public' };
    expect(await runCli(['contracts', 'check', file('compatible.json', compatible), ...registry])).toMatchObject({ code: 0, stdout: `${AID}: compatible\n` });
    const sampled = await runCli(['contracts', 'check', file('compatible.json', compatible), '--sample-days', '7', ...registry]);
    expect(sampled).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+ events on education\.student-aid\.granted\.v1 since .*; 0 would be rejected$/m) });

    const narrowed = aid();
    narrowed.properties['amountFen'] = { ...(narrowed.properties['amountFen'] as object), maximum: 100 };
    const { code, stdout } = await runCli(['contracts', 'check', file('narrowed.json', narrowed), ...registry]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${AID}: NOT compatible`);
    expect(stdout).toContain('At /properties/amountFen/maximum, maximum was 100000000 and is 100: documents valid under version 1 would be rejected by the candidate.');
  });

  it('registers a file under the subject its topic names', async () => {
    const next = aid();
    next.properties['remark'] = { type: 'string', 'x-hub-classification': 'public' };
    expect(await runCli(['contracts', 'register', file('next.json', next), ...registry])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(new RegExp(`^${AID}: version 2, schema id \\d+\\n$`)),
    });
  });

  it('refuses a governed change as the integration engineer, naming the role, and registers it --as data-steward', async () => {
    const lowered = aid();
    lowered.properties['remark'] = { type: 'string', 'x-hub-classification': 'public' };
    lowered.properties['studentNumber'] = { ...(lowered.properties['studentNumber'] as object), 'x-hub-classification': 'personal' };
    const refused = await runCli(['contracts', 'register', file('lowered.json', lowered), ...registry]);
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('a governed change needs the data-steward role') });
    expect(refused.stderr).toContain('(registry error 40301)');
    expect(await runCli(['contracts', 'register', file('lowered.json', lowered), ...registry, '--as', 'data-steward'])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(new RegExp(`^${AID}: version 3`)),
    });
  });

  it('diffs a registered version against a file', async () => {
    const { code, stdout } = await runCli(['contracts', 'diff', `${AID}@1`, AID_FILE, ...registry]);
    expect(code).toBe(0);
    expect(stdout).toBe('no structural differences\n');
    const { stdout: changed } = await runCli(['contracts', 'diff', `${AID}@1`, `${AID}@2`, ...registry]);
    expect(changed).toMatch(/^widens\s+property-added-to-closed-model\s+\/properties\/remark\s+optional field "remark" is new\n$/);
  });

  it('validates a file of sample events, naming the line and field of each problem', async () => {
    const [example] = aid().examples as Record<string, unknown>[];
    const ndjson = [JSON.stringify(example), JSON.stringify({ ...example, amountFen: 12.5 }), JSON.stringify({ specversion: '1.0', data: example })].join('\n');
    const { code, stdout } = await runCli(['contracts', 'validate', file('events.ndjson', ndjson), '--schema', AID_FILE]);
    expect(code).toBe(1);
    expect(stdout).toBe('line 2: /amountFen must be integer\n2 of 3 valid\n');
    expect(await runCli(['contracts', 'validate', file('good.json', [example]), '--subject', AID, ...registry])).toMatchObject({ code: 0, stdout: '1 of 1 valid\n' });
  });

  it('deprecates a contract', async () => {
    expect(await runCli(['contracts', 'deprecate', 'disability.subsidy.granted.v1-value', ...registry])).toMatchObject({ code: 0, stdout: 'disability.subsidy.granted.v1-value: deprecated\n' });
  });

  it('exits with 2 and says why for an unknown subject, a bad file or an unreachable registry', async () => {
    expect(await runCli(['contracts', 'show', 'nothing-value', ...registry])).toMatchObject({ code: 2, stderr: 'hub: Subject "nothing-value" not found. (registry error 40401)\n' });
    expect(await runCli(['contracts', 'check', file('bad.json', '{not json'), ...registry])).toMatchObject({ code: 2, stderr: expect.stringMatching(/bad\.json is not JSON/) });
    const { code, stderr } = await runCli(['contracts', 'list', ...registry.slice(2), '--registry', `http://127.0.0.1:${await freePort()}`]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot reach the registry/);
  });

  it('generates TypeScript types of a contract', async () => {
    const { code, stdout } = await runCli(['contracts', 'generate-types', AID_FILE]);
    expect(code).toBe(0);
    expect(stdout).toContain('export interface StudentAidGranted {');
    expect(stdout).toMatch(/amountFen: number;/);
    expect(stdout).toMatch(/aidType:\s+"preschool-subsidy" \| "compulsory-living-subsidy"/);
  });

  it('exports an AsyncAPI 3.0 document that the AsyncAPI parser accepts without errors', async () => {
    const { code, stdout } = await runCli(['contracts', 'export-asyncapi', ...registry]);
    expect(code).toBe(0);
    const { document, diagnostics } = await new Parser().parse(stdout);
    // The parser's own copy of @stoplight/types declares the same enum again.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-comparison
    expect(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error)).toEqual([]);
    expect(
      document
        ?.channels()
        .all()
        .map((channel) => channel.address())
        .sort(),
    ).toContain('education.student-aid.granted.v1');
    // A channel per standard contract (a topic per contract version).
    expect(document?.channels().all()).toHaveLength(standardContracts().length);
    expect(
      document
        ?.operations()
        .all()
        .every((operation) => operation.action() === 'send'),
    ).toBe(true);
  });
});
