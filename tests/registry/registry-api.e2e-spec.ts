import { CONTRACTS_TOPIC, ContractCatalog } from '@hub/contract-registry';
import { toKafkaBinary } from '@hub/contracts';
import { CompactedTopicFollower, createKafkaClient, HubProducer } from '@hub/messaging';
import { VersionedKeyRing, Pseudonymiser } from '@hub/privacy';
import { eventually } from '../support/eventually.js';
import { startRegistry, type RegistryTestMember, type TestRegistry } from '../support/registry-app.js';
import { TEST_PSEUDONYM_KEYS } from '../support/gateway-test-bed.js';
import { standardContracts } from '../support/standard-contracts.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createTestTopics, testKafkaSettings } from '../support/test-kafka.js';
import { uniqueName } from '../support/unique-name.js';

const CONFLUENT_JSON = 'application/vnd.schemaregistry.v1+json';
const AID = 'education.student-aid.granted.v1-value';
const aidSchema = standardContracts().find((c) => c.name === 'education/student-aid.granted.v1')!.schema;
const aidProperties = aidSchema['properties'] as Record<string, unknown>;
const remark = { type: 'string', maxLength: 200, 'x-hub-classification': 'public' };
const withRemark = { ...aidSchema, properties: { ...aidProperties, remark } };

describe('the contract registry API', () => {
  let database: TestDatabase;
  let registry: TestRegistry;

  /** A call as the integration engineer unless told otherwise (governed changes need the data steward). */
  const call = async (method: string, path: string, body?: unknown, { contentType = CONFLUENT_JSON, as = 'integration-engineer' }: { contentType?: string; as?: RegistryTestMember } = {}) => {
    const response = await fetch(`${registry.url}${path}`, {
      method,
      headers: { 'content-type': contentType, ...registry.as(as) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & unknown[] };
  };
  const register = (subject: string, schema: unknown) => call('POST', `/subjects/${subject}/versions`, { schema: JSON.stringify(schema), schemaType: 'JSON' });

  beforeAll(async () => {
    database = await createTestDatabase('registry');
    registry = await startRegistry(database);
  });

  afterAll(async () => {
    await registry.app.close();
    await database.drop();
  });

  it('registers the standard contracts at start, one subject per topic', async () => {
    const { status, body } = await call('GET', '/subjects');
    expect(status).toBe(200);
    expect(body).toEqual(
      standardContracts()
        .map((c) => `${c.binding.topic}-value`)
        .sort(),
    );
  });

  it('serves a version as Confluent clients read it', async () => {
    const { body } = await call('GET', `/subjects/${AID}/versions/latest`);
    expect(body).toMatchObject({ subject: AID, version: 1, schemaType: 'JSON' });
    expect(JSON.parse(body['schema'] as string)).toEqual(aidSchema);
    const byId = await call('GET', `/schemas/ids/${String(body['id'])}`);
    expect(byId.body).toEqual({ schemaType: 'JSON', schema: body['schema'] });
  });

  it('registers a compatible version, and registering the same schema again changes nothing', async () => {
    const first = await register(AID, withRemark);
    expect(first.status).toBe(200);
    const again = await register(AID, withRemark);
    expect(again.body).toEqual(first.body);
    expect((await call('GET', `/subjects/${AID}/versions`)).body).toEqual([1, 2]);
    const lookup = await call('POST', `/subjects/${AID}`, { schema: JSON.stringify(withRemark), schemaType: 'JSON' });
    expect(lookup.body).toMatchObject({ subject: AID, version: 2, id: first.body['id'] });
  });

  it('refuses an incompatible version with 409 and says why and what would be compatible', async () => {
    const subject = 'disability.subsidy.granted.v1-value';
    expect((await call('PUT', `/config/${subject}`, { compatibility: 'FORWARD' }, { as: 'data-steward' })).body).toEqual({ compatibility: 'FORWARD' });
    const schema = standardContracts().find((c) => c.name === 'disability/subsidy.granted.v1')!.schema;
    const candidate = { ...schema, properties: { ...(schema['properties'] as object), remark } };
    const { status, body } = await register(subject, candidate);
    expect(status).toBe(409);
    expect(body['error_code']).toBe(409);
    expect(body['message']).toContain('consumers still reading version 1');
    expect((await call('GET', `/subjects/${subject}/versions`)).body).toEqual([1]);
  });

  it('explains a dry-run compatibility check with verbose=true', async () => {
    const aidType = aidProperties['aidType'] as { enum: string[] };
    const narrowed = { ...aidSchema, properties: { ...aidProperties, aidType: { ...aidType, enum: aidType.enum.slice(1) } } };
    const { body } = await call('POST', `/compatibility/subjects/${AID}/versions/latest?verbose=true`, { schema: JSON.stringify(narrowed), schemaType: 'JSON' });
    expect(body['is_compatible']).toBe(false);
    expect((body['messages'] as string[])[0]).toMatch(/^At \/properties\/aidType\/enum, the list of allowed values removes "preschool-subsidy": documents valid under version 2 would be rejected/);
  });

  it('answers 422 for a schema that is not valid JSON Schema, and for unclassified fields', async () => {
    const broken = await register('broken-value', { type: 'object', properties: { a: { type: 'strin' } } });
    expect(broken).toMatchObject({ status: 422, body: { error_code: 42201 } });
    expect(broken.body['message']).toMatch(/Invalid schema/);
    const unclassified = await register('unclassified-value', { type: 'object', properties: { a: { type: 'string' } } });
    expect(unclassified.body['message']).toBe('Invalid schema: every field needs "x-hub-classification" (personal-identifier, personal or public); missing at /a.');
    expect((await call('POST', '/subjects/x-value/versions', { schema: '{"type":"object"}' })).body['message']).toMatch(/schemaType/);
  });

  it('answers with the Confluent error codes for what does not exist', async () => {
    expect((await call('GET', '/subjects/nothing-value/versions')).body).toMatchObject({ error_code: 40401 });
    expect((await call('GET', `/subjects/${AID}/versions/99`)).body).toMatchObject({ error_code: 40402 });
    expect((await call('GET', `/subjects/${AID}/versions/two`)).body).toMatchObject({ error_code: 42202 });
    expect((await call('GET', '/schemas/ids/9999')).body).toMatchObject({ error_code: 40403 });
    expect((await call('GET', `/config/${AID}`)).body).toMatchObject({ error_code: 40408 });
    expect((await call('PUT', '/config', { compatibility: 'SIDEWAYS' }, { as: 'data-steward' })).body).toMatchObject({ error_code: 42203 });
  });

  it('keeps a global and per-subject compatibility level', async () => {
    expect((await call('GET', '/config')).body).toEqual({ compatibilityLevel: 'BACKWARD' });
    await call('PUT', '/config', { compatibility: 'FULL' }, { contentType: 'application/json', as: 'data-steward' });
    expect((await call('GET', '/config')).body).toEqual({ compatibilityLevel: 'FULL' });
    expect((await call('GET', `/config/${AID}?defaultToGlobal=true`)).body).toEqual({ compatibilityLevel: 'FULL' });
    await call('PUT', '/config', { compatibility: 'BACKWARD' }, { as: 'data-steward' });
  });

  it('refuses an oversized body with 413 and keeps serving', async () => {
    const { status, body } = await call('POST', `/subjects/${AID}/versions`, { schema: 'x'.repeat(2 * 1024 * 1024), schemaType: 'JSON' });
    expect(status).toBe(413);
    expect(body['message']).toMatch(/larger than 1mb/);
    expect((await call('GET', '/subjects')).status).toBe(200);
  });

  it('shows the hub extensions: owner, topic, classification and lifecycle', async () => {
    const { body } = await call('GET', '/hub/contracts/civil-affairs.household-status.changed.v1-value');
    expect(body).toMatchObject({
      lifecycle: 'active',
      binding: { owner: 'civil-affairs', topic: 'civil-affairs.household-status.changed.v1', partitionKey: 'householdNumber' },
    });
    expect(body['classification']).toContainEqual({ pointer: '/members/*/idNumber', classification: 'personal-identifier' });
    const deprecated = await call('PUT', '/hub/contracts/civil-affairs.household-status.changed.v1-value/lifecycle', { lifecycle: 'deprecated' });
    expect(deprecated.body['lifecycle']).toBe('deprecated');
    expect((await call('PUT', `/hub/contracts/${AID}/lifecycle`, { lifecycle: 'gone' })).body).toMatchObject({ error_code: 42210 });
  });

  it('adds no version when it starts again on the same database', async () => {
    const before = (await call('GET', '/subjects/hub.finding.changed.v1-value/versions')).body;
    const second = await startRegistry(database);
    await second.app.close();
    expect((await call('GET', '/subjects/hub.finding.changed.v1-value/versions')).body).toEqual(before);
  });

  describe('a service following hub.contracts', () => {
    const catalog = new ContractCatalog();
    let follower: CompactedTopicFollower;

    beforeAll(async () => {
      follower = new CompactedTopicFollower(testKafkaSettings('catalog-test'), CONTRACTS_TOPIC, (record) => {
        catalog.apply(record.key!, record.value);
      });
      await follower.start();
    });

    afterAll(() => follower.stop());

    it('has every registered contract once it has caught up', async () => {
      // hub.contracts is shared by every suite's registry, so the catalog may hold other suites' subjects too.
      expect(catalog.subjects()).toEqual(expect.arrayContaining((await call('GET', '/subjects')).body));
      expect(catalog.forTopic('education.student-aid.granted.v1')?.subject).toBe(AID);
    });

    it('validates documents with the contracts it holds', () => {
      const example = (aidSchema['examples'] as unknown[])[0];
      expect(catalog.validate(AID, example)).toEqual({ valid: true });
      expect(catalog.validate(AID, { ...(example as object), amountFen: -1 })).toMatchObject({ valid: false, violations: [{ instancePath: '/amountFen', keyword: 'minimum' }] });
    });

    it('sees a new version without asking the registry', async () => {
      const subject = 'healthcare-security.insurance-enrolment.recorded.v1-value';
      const schema = standardContracts().find((c) => c.name === 'healthcare-security/insurance-enrolment.recorded.v1')!.schema;
      const { status } = await register(subject, { ...schema, properties: { ...(schema['properties'] as object), remark } });
      expect(status).toBe(200);
      await eventually('the catalog to hold version 2', async () => catalog.get(subject)?.version === 2);
    });

    it('forgets a deleted subject, the deletion answering the versions it deleted', async () => {
      const subject = 'hub.finding-response.recorded.v1-value';
      expect(await call('DELETE', `/subjects/${subject}`, undefined, { as: 'data-steward' })).toEqual({ status: 200, body: [1] });
      await eventually('the catalog to drop the subject', async () => catalog.get(subject) === undefined);
    });
  });

  describe('onboarding a new event type, and checking a change against the traffic on its topic', () => {
    const topic = `housing.${uniqueName('rental-subsidy').replace(/_/g, '-')}.granted.v1`;
    const subject = `${topic}-value`;
    const contract = (noteMaxLength: number) => ({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `urn:nx-hub:contract:${topic.replace(/\.v1$/, '')}:v1`,
      'x-hub-contract': { owner: 'housing', type: topic.replace(/\.v1$/, ''), version: 1, topic, partitionKey: 'householdNumber' },
      type: 'object',
      additionalProperties: false,
      required: ['householdNumber', 'amountFen'],
      properties: {
        householdNumber: { type: 'string', 'x-hub-classification': 'personal-identifier' },
        amountFen: { type: 'integer', minimum: 1, 'x-hub-classification': 'public' },
        note: { type: 'string', maxLength: noteMaxLength, 'x-hub-classification': 'public' },
      },
    });

    it('takes nothing but registering the contract', async () => {
      expect((await register(subject, contract(100))).status).toBe(200);
      expect((await call('GET', `/hub/contracts/${subject}`)).body).toMatchObject({ binding: { owner: 'housing', topic } });
    });

    it('reports how many events of the last days a stricter candidate would reject, and why', async () => {
      await createTestTopics([{ topic, numPartitions: 2 }]);
      const producer = new HubProducer(createKafkaClient(testKafkaSettings('sample-test')));
      const notes = ['ok', 'fine', 'paid', 'a note that is far too long for it', 'another note that is too long'];
      // What a canonical topic holds: the gateway has replaced the household numbers by pseudonyms.
      const household = (i: number) => new Pseudonymiser(VersionedKeyRing.parse(TEST_PSEUDONYM_KEYS)).pseudonymise('housing-household-number', `HH-${i}`);
      await producer.send(
        notes.map((note, i) => ({
          topic,
          ...toKafkaBinary({ specversion: '1.0', id: `h-${i}`, source: '/departments/housing', type: topic, data: { householdNumber: household(i), amountFen: 100, note } }, household(i)),
        })),
      );
      await producer.disconnect();

      const { status, body } = await call('POST', `/hub/contracts/${subject}/sample-check?days=1`, { schema: JSON.stringify(contract(10)), schemaType: 'JSON' });
      expect(status).toBe(200);
      expect(body).toMatchObject({ topic, checked: 5, failed: 2, reasons: [{ instancePath: '/note', keyword: 'maxLength', records: 2 }] });
      expect(body['examples']).toHaveLength(2);
      expect((await call('POST', `/hub/contracts/${subject}/sample-check?days=0`, { schema: JSON.stringify(contract(10)), schemaType: 'JSON' })).body).toMatchObject({ error_code: 42211 });
    });
  });
});
