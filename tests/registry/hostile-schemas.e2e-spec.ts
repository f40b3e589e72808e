import { startRegistry, type TestRegistry } from '../support/registry-app.js';
import { standardContracts } from '../support/standard-contracts.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { uniqueName } from '../support/unique-name.js';

const CONFLUENT_JSON = 'application/vnd.schemaregistry.v1+json';
const aidSchema = standardContracts().find((c) => c.name === 'education/student-aid.granted.v1')!.schema;

describe('the registry refuses schemas that would harm the hub, saying why, and never answers 5xx', () => {
  let database: TestDatabase;
  let registry: TestRegistry;

  const register = async (schema: unknown) => {
    const subject = uniqueName('hostile');
    const response = await fetch(`${registry.url}/subjects/${subject}/versions`, {
      method: 'POST',
      headers: { 'content-type': CONFLUENT_JSON, ...registry.as('integration-engineer') },
      body: JSON.stringify({ schemaType: 'JSON', schema: typeof schema === 'string' ? schema : JSON.stringify(schema) }),
    });
    return { status: response.status, body: (await response.json()) as { error_code?: number; message?: string; id?: number } };
  };

  beforeAll(async () => {
    database = await createTestDatabase('registry-hostile');
    registry = await startRegistry(database);
  });

  afterAll(async () => {
    await registry?.app.close();
    await database?.drop();
  });

  it('refuses a schema nested 20,000 levels deep', async () => {
    const deep = `${'{"type":"array","items":'.repeat(20_000)}{"type":"string"}${'}'.repeat(20_000)}`;
    expect(await register(deep)).toEqual({ status: 422, body: { error_code: 42201, message: expect.stringContaining('the schema nests deeper than 64 levels') } });
  });

  it('refuses a schema with a $ref cycle', async () => {
    const cycle = { ...aidSchema, $defs: { loop: { $ref: '#/$defs/loop' } } };
    expect(await register(cycle)).toEqual({ status: 422, body: { error_code: 42201, message: expect.stringContaining('$ref is not allowed') } });
  });

  it('refuses a pattern that needs backtracking, naming it', async () => {
    const properties = aidSchema['properties'] as Record<string, Record<string, unknown>>;
    const backreference = { ...aidSchema, properties: { ...properties, grantNumber: { ...properties['grantNumber'], pattern: '^(ZZ)\\1$' } } };
    expect(await register(backreference)).toEqual({ status: 422, body: { error_code: 42201, message: expect.stringContaining('cannot be matched in linear time') } });
  });

  it('refuses a body over 1 MB with 413', async () => {
    const huge = { ...aidSchema, description: 'x'.repeat(1_100_000) };
    expect((await register(huge)).status).toBe(413);
  });
});
