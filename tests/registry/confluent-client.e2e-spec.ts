/**
 * An existing Confluent Schema Registry client, unchanged, against the hub's registry: the
 * JSON Schema support of @kafkajs/confluent-schema-registry registers, looks up, encodes and
 * decodes with it. The client's Ajv is told the 2020-12 dialect and the hub's format, as any
 * client validating these contracts would be.
 */
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { isResidentIdentityNumber } from '@hub/contracts';
import { startRegistry, type TestRegistry } from '../support/registry-app.js';
import { standardContracts } from '../support/standard-contracts.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

function clientAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false });
  addFormats.default(ajv);
  ajv.addFormat('cn-resident-id', { type: 'string', validate: isResidentIdentityNumber });
  return ajv;
}

describe('an existing Confluent Schema Registry client', () => {
  let database: TestDatabase;
  let registry: TestRegistry;
  let client: SchemaRegistry;
  /** As Confluent clients are configured: basic.auth.user.info=<member>:<key>. */
  const clientOf = (member: 'education' | 'integration-engineer') =>
    new SchemaRegistry({ host: registry.url, auth: { username: member, password: registry.keys[member] } }, { [SchemaType.JSON]: { ajvInstance: clientAjv() } });
  const enrolment = standardContracts().find((c) => c.name === 'education/student-enrolment.changed.v1')!.schema;
  const subject = 'education.student-enrolment.changed.v1-value';

  beforeAll(async () => {
    database = await createTestDatabase('confluent_client');
    registry = await startRegistry(database);
    client = clientOf('integration-engineer');
  });

  afterAll(async () => {
    await registry.app.close();
    await database.drop();
  });

  it('finds the latest schema id of a standard contract', async () => {
    const id = await client.getLatestSchemaId(subject);
    expect(await client.getRegistryIdBySchema(subject, { type: SchemaType.JSON, schema: JSON.stringify(enrolment) })).toBe(id);
  });

  it('registers a new version as the department that owns the subject, and finds it again by its schema', async () => {
    // A separate producer process: its Ajv has not compiled version 1, whose $id the new version shares.
    const producer = clientOf('education');
    const candidate = { ...enrolment, properties: { ...(enrolment['properties'] as object), remark: { type: 'string', 'x-hub-classification': 'public' } } };
    const { id } = await producer.register({ type: SchemaType.JSON, schema: JSON.stringify(candidate) }, { subject });
    expect(await client.getRegistryIdBySchema(subject, { type: SchemaType.JSON, schema: JSON.stringify(candidate) })).toBe(id);
    expect(await client.getLatestSchemaId(subject)).toBe(id);
  });

  it('encodes and decodes an event with a registered contract, and refuses one that breaks it', async () => {
    const id = await client.getRegistryIdBySchema(subject, { type: SchemaType.JSON, schema: JSON.stringify(enrolment) });
    const [example] = enrolment['examples'] as Record<string, unknown>[];
    const encoded = await client.encode(id, example);
    expect(await client.decode(encoded)).toEqual(example);
    await expect(client.encode(id, { ...example, grade: 12 })).rejects.toThrow();
  });

  it("is refused without credentials, or with a key under another member's name", async () => {
    const anonymous = new SchemaRegistry({ host: registry.url }, { [SchemaType.JSON]: { ajvInstance: clientAjv() } });
    await expect(anonymous.getLatestSchemaId(subject)).rejects.toMatchObject({ status: 401 });
    const impostor = new SchemaRegistry({ host: registry.url, auth: { username: 'civil-affairs', password: registry.keys['education'] } }, { [SchemaType.JSON]: { ajvInstance: clientAjv() } });
    await expect(impostor.getLatestSchemaId(subject)).rejects.toMatchObject({ status: 401 });
  });
});
