/**
 * Issue 19, the registry's door: every call authenticated, every role allowed exactly what it is
 * meant to, governed changes kept for the data steward, and every decision in the access log.
 */
import { ACCESS_LOG_TOPIC, type AccessLogEntry } from '@hub/members';
import { readTopicWindow } from '@hub/messaging';
import { REGISTRY_TEST_MEMBERS, startRegistry, type RegistryTestMember, type TestRegistry } from '../support/registry-app.js';
import { standardContracts } from '../support/standard-contracts.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createTestTopics, testKafkaSettings } from '../support/test-kafka.js';
import { uniqueName } from '../support/unique-name.js';

const CONFLUENT_JSON = 'application/vnd.schemaregistry.v1+json';
type Caller = RegistryTestMember | 'anonymous';
const CALLERS: Caller[] = ['anonymous', ...(Object.keys(REGISTRY_TEST_MEMBERS) as RegistryTestMember[])];

const HOUSEHOLD = 'civil-affairs.household-status.changed.v1-value';
const household = standardContracts().find((c) => c.name === 'civil-affairs/household-status.changed.v1')!.schema;

/** A contract of Education's on a topic of its own, closed, so an optional field added is a compatible change. */
function educationContract(topic: string, extra: Record<string, unknown> = {}) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    'x-hub-contract': { owner: 'education', type: topic.replace(/\.v1$/, ''), version: 1, topic, partitionKey: 'studentNumber' },
    type: 'object',
    additionalProperties: false,
    required: ['studentNumber'],
    properties: {
      studentNumber: { type: 'string', 'x-hub-classification': 'personal-identifier' },
      note: { type: 'string', maxLength: 100, 'x-hub-classification': 'public' },
      ...extra,
    },
  };
}
const remark = { remark: { type: 'string', maxLength: 50, 'x-hub-classification': 'public' } };
const body = (schema: unknown) => ({ schemaType: 'JSON', schema: JSON.stringify(schema) });

describe("the registry's door (issue 19)", () => {
  let database: TestDatabase;
  let registry: TestRegistry;
  const started = Date.now();

  const call = async (as: Caller, method: string, path: string, payload?: unknown) => {
    const response = await fetch(`${registry.url}${path}`, {
      method,
      headers: { 'content-type': CONFLUENT_JSON, ...(as === 'anonymous' ? {} : registry.as(as)) },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> & unknown[] };
  };

  /** A new Education subject, registered by the integration engineer. */
  const freshSubject = async () => {
    const topic = `education.${uniqueName('door').replace(/_/g, '-')}.changed.v1`;
    const subject = `${topic}-value`;
    const { status } = await call('integration-engineer', 'POST', `/subjects/${subject}/versions`, body(educationContract(topic)));
    expect(status).toBe(200);
    return { topic, subject };
  };

  beforeAll(async () => {
    database = await createTestDatabase('registry_access');
    registry = await startRegistry(database);
  });

  afterAll(async () => {
    await registry?.app.close();
    await database?.drop();
  });

  it('refuses anonymous reads and writes with 401 and a challenge for Bearer or Basic', async () => {
    for (const [method, path] of [
      ['GET', '/subjects'],
      ['DELETE', `/subjects/${HOUSEHOLD}`],
      ['PUT', '/config'],
    ] as const) {
      const answer = await call('anonymous', method, path, method === 'PUT' ? { compatibility: 'NONE' } : undefined);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toContain('Basic realm="hub"');
    }
    expect((await call('data-steward', 'GET', `/subjects/${HOUSEHOLD}/versions`)).body).toEqual([1]);
    expect((await call('data-steward', 'GET', '/config')).body).toEqual({ compatibilityLevel: 'BACKWARD' });
  });

  it("refuses a department registering another department's subject, naming the owner", async () => {
    const { subject, topic } = await freshSubject();
    const answer = await call('civil-affairs', 'POST', `/subjects/${subject}/versions`, body(educationContract(topic, remark)));
    expect(answer).toMatchObject({ status: 403, body: { error_code: 40301, message: expect.stringContaining(`${subject} belongs to education; civil-affairs may register only its own contracts`) } });
  });

  it('lets a department register a compatible version of its own subject', async () => {
    const { subject, topic } = await freshSubject();
    expect((await call('education', 'POST', `/subjects/${subject}/versions`, body(educationContract(topic, remark)))).status).toBe(200);
    expect((await call('education', 'GET', `/subjects/${subject}/versions`)).body).toEqual([1, 2]);
  });

  it('refuses a lowered classification to the integration engineer, naming the data-steward role, and lets the data steward make it', async () => {
    const { subject, topic } = await freshSubject();
    const lowered = educationContract(topic, { studentNumber: { type: 'string', 'x-hub-classification': 'public' } });
    const refused = await call('integration-engineer', 'POST', `/subjects/${subject}/versions`, body(lowered));
    expect(refused).toMatchObject({
      status: 403,
      body: { error_code: 40301, message: expect.stringContaining('a governed change needs the data-steward role (field /studentNumber was personal-identifier and would be public') },
    });
    expect((await call('data-steward', 'POST', `/subjects/${subject}/versions`, body(lowered))).status).toBe(200);
  });

  it('refuses a contract given to another owner, whose namespace its topic is not in', async () => {
    const { subject, topic } = await freshSubject();
    const given = { ...educationContract(topic), 'x-hub-contract': { ...educationContract(topic)['x-hub-contract'], owner: 'civil-affairs' } };
    const answer = await call('data-steward', 'POST', `/subjects/${subject}/versions`, body(given));
    expect(answer).toMatchObject({ status: 422, body: { message: expect.stringContaining(`the topic "${topic}" is not in its owner's namespace (it must begin "civil-affairs.")`) } });
  });

  it('refuses a changed partition key without the data-steward role', async () => {
    const { subject, topic } = await freshSubject();
    const rekeyed = { ...educationContract(topic), 'x-hub-contract': { ...educationContract(topic)['x-hub-contract'], partitionKey: 'note' } };
    const answer = await call('education', 'POST', `/subjects/${subject}/versions`, body(rekeyed));
    expect(answer).toMatchObject({
      status: 403,
      body: { message: expect.stringContaining('a governed change needs the data-steward role (the contract\'s partitionKey "studentNumber" became "note")') },
    });
  });

  it('refuses a change to the sharing rules without the data-steward role', async () => {
    const shared = { ...household, 'x-hub-sharing': [...((household['x-hub-sharing'] as unknown[]) ?? []), { member: 'education', fields: ['members'], purpose: 'x' }] };
    const answer = await call('integration-engineer', 'POST', `/subjects/${HOUSEHOLD}/versions`, body(shared));
    expect(answer).toMatchObject({ status: 403, body: { message: expect.stringContaining('a governed change needs the data-steward role (the sharing rules') } });
  });

  it('reports a governed change in a compatibility check as not compatible, except to the data steward', async () => {
    const { subject, topic } = await freshSubject();
    const lowered = educationContract(topic, { studentNumber: { type: 'string', 'x-hub-classification': 'personal' } });
    const asEngineer = await call('integration-engineer', 'POST', `/compatibility/subjects/${subject}/versions/latest?verbose=true`, body(lowered));
    expect(asEngineer.body).toMatchObject({ is_compatible: false, messages: [expect.stringMatching(/^Governed change at \/studentNumber: .*Only a data steward may register it\.$/)] });
    const asSteward = await call('data-steward', 'POST', `/compatibility/subjects/${subject}/versions/latest?verbose=true`, body(lowered));
    expect(asSteward.body).toMatchObject({ is_compatible: true, governed_changes: [{ kind: 'classification-lowered', pointer: '/studentNumber' }] });
  });

  it('answers a deleted version with its number, as Confluent does', async () => {
    const { subject, topic } = await freshSubject();
    await call('integration-engineer', 'POST', `/subjects/${subject}/versions`, body(educationContract(topic, remark)));
    expect(await call('data-steward', 'DELETE', `/subjects/${subject}/versions/2`)).toMatchObject({ status: 200, body: 2 });
  });

  it("refuses contracts bound to the hub's internal topics, to another owner's namespace, or under another subject than their topic's", async () => {
    const inbound = {
      ...educationContract('hub.inbound.education'),
      'x-hub-contract': { owner: 'hub', type: 'hub.inbound', version: 1, topic: 'hub.inbound.education', partitionKey: 'studentNumber' },
    };
    expect((await call('data-steward', 'POST', '/subjects/hub.inbound.education-value/versions', body(inbound))).body['message']).toContain("one of the hub's internal topics");
    expect((await call('data-steward', 'POST', '/subjects/takeover-value/versions', body(educationContract('education.student-aid.granted.v1')))).body['message']).toContain(
      'is registered under the subject "education.student-aid.granted.v1-value", not "takeover-value"',
    );
  });

  it('checks a sample only against the topic the subject is bound to, whatever topic the candidate names', async () => {
    const { subject, topic } = await freshSubject();
    await createTestTopics([{ topic, numPartitions: 1 }]);
    const candidate = { ...educationContract(topic), 'x-hub-contract': { ...educationContract(topic)['x-hub-contract'], topic: 'hub.inbound.civil-affairs' } };
    const answer = await call('integration-engineer', 'POST', `/hub/contracts/${subject}/sample-check?days=1`, body(candidate));
    expect(answer).toMatchObject({ status: 200, body: { topic, checked: 0 } });
  });

  it('lets a department "set" the compatibility level already in force, as Confluent clients do, without storing it', async () => {
    const { subject } = await freshSubject();
    expect(await call('education', 'PUT', `/config/${subject}`, { compatibility: 'BACKWARD' })).toMatchObject({ status: 200, body: { compatibility: 'BACKWARD' } });
    expect((await call('education', 'GET', `/config/${subject}`)).body).toMatchObject({ error_code: 40408 });
    expect((await call('education', 'PUT', `/config/${subject}`, { compatibility: 'NONE' })).status).toBe(403);
  });

  describe('the authorisation matrix: every caller × every route', () => {
    interface Route {
      name: string;
      action: string;
      allowed: readonly RegistryTestMember[];
      /** Calls the route as the caller; `resource` is what the access log names. */
      run: (as: Caller) => Promise<{ status: number; resource: string; path: string }>;
    }
    const EVERYONE = Object.keys(REGISTRY_TEST_MEMBERS) as RegistryTestMember[];
    const WRITERS = ['education', 'integration-engineer', 'data-steward'] as const;
    const ENGINEERS = ['integration-engineer', 'data-steward'] as const;
    const STEWARD = ['data-steward'] as const;
    let shared: { topic: string; subject: string; id: number };

    const on = (as: Caller, method: string, path: string, resource: string, payload?: unknown) =>
      call(as, method, path, payload).then(({ status }) => ({ status, resource, path: path.split('?')[0] }));
    const onFresh = (as: Caller, method: string, path: (s: string) => string, payload?: (topic: string) => unknown, prepare?: (s: string) => Promise<unknown>) =>
      freshSubject().then(async ({ subject, topic }) => {
        await prepare?.(subject);
        return on(as, method, path(subject), subject, payload?.(topic));
      });

    const routes = (): Route[] => {
      const s = shared.subject;
      const read = (name: string, method: string, path: string, resource = s, payload?: unknown): Route => ({
        name,
        action: 'read-contracts',
        allowed: EVERYONE,
        run: (as) => on(as, method, path, resource, payload),
      });
      return [
        read('list subjects', 'GET', '/subjects', 'GET /subjects'),
        read('list versions', 'GET', `/subjects/${s}/versions`),
        read('read a version', 'GET', `/subjects/${s}/versions/1`),
        read("read a version's schema", 'GET', `/subjects/${s}/versions/1/schema`),
        read('look a schema up', 'POST', `/subjects/${s}`, s, body(educationContract(shared.topic))),
        read('read a schema by id', 'GET', `/schemas/ids/${shared.id}`, `GET /schemas/ids/${shared.id}`),
        read('list schema types', 'GET', '/schemas/types', 'GET /schemas/types'),
        read('read the global level', 'GET', '/config', 'GET /config'),
        read("read a subject's level", 'GET', `/config/${s}?defaultToGlobal=true`),
        read('list contracts', 'GET', '/hub/contracts', 'GET /hub/contracts'),
        read('read a contract', 'GET', `/hub/contracts/${s}`),
        {
          name: 'register a compatible version',
          action: 'register-contract',
          allowed: WRITERS,
          run: (as) =>
            onFresh(
              as,
              'POST',
              (f) => `/subjects/${f}/versions`,
              (t) => body(educationContract(t, remark)),
            ),
        },
        {
          name: 'check compatibility',
          action: 'check-contract',
          allowed: WRITERS,
          run: (as) => on(as, 'POST', `/compatibility/subjects/${s}/versions/latest`, s, body(educationContract(shared.topic, remark))),
        },
        { name: 'sample-check', action: 'sample-check', allowed: ENGINEERS, run: (as) => on(as, 'POST', `/hub/contracts/${s}/sample-check?days=1`, s, body(educationContract(shared.topic))) },
        {
          name: 'change lifecycle',
          action: 'change-lifecycle',
          allowed: ENGINEERS,
          run: (as) =>
            onFresh(
              as,
              'PUT',
              (f) => `/hub/contracts/${f}/lifecycle`,
              () => ({ lifecycle: 'deprecated' }),
            ),
        },
        {
          name: "change a subject's level",
          action: 'change-compatibility',
          allowed: STEWARD,
          run: (as) =>
            onFresh(
              as,
              'PUT',
              (f) => `/config/${f}`,
              () => ({ compatibility: 'FULL' }),
            ),
        },
        { name: 'change the global level', action: 'change-compatibility', allowed: STEWARD, run: (as) => on(as, 'PUT', '/config', 'PUT /config', { compatibility: 'BACKWARD' }) },
        {
          name: "remove a subject's level",
          action: 'change-compatibility',
          allowed: STEWARD,
          run: (as) =>
            onFresh(
              as,
              'DELETE',
              (f) => `/config/${f}`,
              undefined,
              (f) => call('data-steward', 'PUT', `/config/${f}`, { compatibility: 'FULL' }),
            ),
        },
        { name: 'delete a version', action: 'delete-contract', allowed: STEWARD, run: (as) => onFresh(as, 'DELETE', (f) => `/subjects/${f}/versions/1`) },
        { name: 'delete a subject', action: 'delete-contract', allowed: STEWARD, run: (as) => onFresh(as, 'DELETE', (f) => `/subjects/${f}`) },
      ];
    };

    interface Cell {
      caller: Caller;
      route: Route;
      status: number;
      resource: string;
      path: string;
    }
    const cells: Cell[] = [];

    beforeAll(async () => {
      const { subject, topic } = await freshSubject();
      await createTestTopics([{ topic, numPartitions: 1 }]);
      shared = { subject, topic, id: (await call('education', 'GET', `/subjects/${subject}/versions/1`)).body['id'] as number };
      for (const route of routes()) {
        for (const caller of CALLERS) cells.push({ caller, route, ...(await route.run(caller)) });
      }
      process.stdout.write(
        `[registry matrix] ${CALLERS.length} callers × ${routes().length} routes = ${cells.length} cells; ${cells.filter((c) => c.status === 200).length} allowed, ${cells.filter((c) => c.status === 401 || c.status === 403).length} refused\n`,
      );
    });

    it('allows each cell its roles allow (200), refuses the others with 403, and anonymous callers with 401', () => {
      const expected = (cell: Cell) => (cell.caller === 'anonymous' ? 401 : (cell.route.allowed as readonly string[]).includes(cell.caller) ? 200 : 403);
      const wrong = cells.filter((cell) => cell.status !== expected(cell)).map((cell) => `${cell.caller} × ${cell.route.name}: ${cell.status}, expected ${expected(cell)}`);
      expect(wrong).toEqual([]);
      expect(cells).toHaveLength(CALLERS.length * routes().length);
    });

    it('writes every decision of the matrix, allowed or refused, to the access log', async () => {
      const entries: AccessLogEntry[] = [];
      await readTopicWindow(testKafkaSettings('registry-access-test'), ACCESS_LOG_TOPIC, { since: started, limit: 1_000_000 }, (record) => {
        if (record.value) entries.push(JSON.parse(record.value.toString('utf8')) as AccessLogEntry);
      });
      const missing = cells.filter((cell) => {
        const refusedAnonymous = cell.caller === 'anonymous';
        return !entries.some((entry) =>
          refusedAnonymous
            ? entry.member === 'anonymous' && entry.action === 'authenticate' && entry.resource.endsWith(cell.path) && !entry.allowed
            : entry.member === cell.caller && entry.action === cell.route.action && entry.resource === cell.resource && entry.allowed === (cell.status === 200),
        );
      });
      expect(missing.map((cell) => `${cell.caller} × ${cell.route.name}`)).toEqual([]);
    });
  });
});
