import type { ContractState } from '@hub/contract-registry';
import { freePort } from '@hub/local-infra';
import { openMemberDirectory, type Member } from '@hub/members';
import { createKafkaClient, HubProducer } from '@hub/messaging';
import { AppProcess } from './app-process.js';
import { contractExample } from './contract-examples.js';
import { eventually } from './eventually.js';
import { standardContracts } from './standard-contracts.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { createTestTopics, testKafkaBrokers, testKafkaSettings, testKafkaEnv } from './test-kafka.js';
import { uniqueName } from './unique-name.js';

/** The hub-held pseudonym key of the test runs (a fixed secret, so tests can compute expected pseudonyms). */
export const TEST_PSEUDONYM_KEYS = `1:${Buffer.alloc(32, 7).toString('base64')}`;
export const TEST_ENVELOPE_KEYS = `1:${Buffer.alloc(32, 11).toString('base64')}`;

export type TestMember = Pick<Member, 'id' | 'role'> & Partial<Pick<Member, 'recordsPerSecond' | 'maxRequestBytes'>>;

export interface GatewayTestBed {
  /** The (first) gateway's address; `urls` has every instance's, when the bed runs several in one group. */
  url: string;
  urls: string[];
  database: TestDatabase;
  gateway: AppProcess;
  /** Every instance's process, in the order of `urls`. */
  processes: AppProcess[];
  contractsTopic: string;
  deadLetterTopic: string;
  findingsTopic: string;
  /** Each member's API key. */
  keys: Record<string, string>;
  /** Puts a contract on the bed's contracts topic, as the registry would. */
  registerContract(state: ContractState): Promise<void>;
  stop(): Promise<void>;
}

/** The standard contracts as the registry publishes them on its compacted topic. */
export function standardContractStates(): ContractState[] {
  return standardContracts().map((contract, i) => {
    const binding = contract.binding;
    return { subject: `${binding.topic}-value`, version: 1, id: i + 1, lifecycle: 'active', binding, schema: contract.schema };
  });
}

/**
 * A gateway process on a fresh database, following its own contracts topic (seeded with the
 * standard contracts unless told otherwise), with its own dead-letter and findings topics, and the
 * given members registered with one API key each (on a database of its own unless given one). The
 * canonical topics are the real, shared ones.
 */
export async function startGatewayTestBed(
  suite: string,
  options: { members: TestMember[]; contracts?: ContractState[]; env?: Record<string, string>; brokers?: string[]; instances?: number; database?: TestDatabase },
): Promise<GatewayTestBed> {
  const brokers = options.brokers ?? testKafkaBrokers();
  const database = options.database ?? (await createTestDatabase(suite));
  const contractsTopic = uniqueName('contracts');
  const deadLetterTopic = uniqueName('deadletter');
  const findingsTopic = uniqueName('findings');
  await createTestTopics(
    [
      { topic: contractsTopic, numPartitions: 1, configs: { 'cleanup.policy': 'compact' } },
      { topic: deadLetterTopic, numPartitions: 3 },
      { topic: findingsTopic, numPartitions: 3 },
    ],
    brokers,
  );
  const producer = new HubProducer(createKafkaClient(testKafkaSettings('test-registry', brokers)));
  const registerContract = async (state: ContractState) => {
    await producer.send([{ topic: contractsTopic, key: state.subject, value: JSON.stringify(state) }]);
  };
  for (const state of options.contracts ?? standardContractStates()) await registerContract(state);

  const keys: Record<string, string> = {};
  const { members, close } = await openMemberDirectory(database.url, { migrate: true });
  try {
    for (const member of options.members) {
      await members.add(member);
      keys[member.id] = (await members.issueKey(member.id)).plaintext;
    }
  } finally {
    await close();
  }

  const startGateway = async () => {
    const port = await freePort();
    const process = AppProcess.start('apps/gateway/src/main.js', {
      SERVICE_NAME: suite.replace(/[^a-z0-9-]/g, '-'),
      HTTP_PORT: String(port),
      ...testKafkaEnv(brokers),
      DATABASE_URL: database.url,
      PSEUDONYM_KEYS: TEST_PSEUDONYM_KEYS,
      ENVELOPE_KEYS: TEST_ENVELOPE_KEYS,
      CONTRACTS_TOPIC: contractsTopic,
      DEAD_LETTER_TOPIC: deadLetterTopic,
      FINDINGS_TOPIC: findingsTopic,
      ...options.env,
    });
    const url = `http://127.0.0.1:${port}`;
    await eventually('the gateway is ready and consuming', async () => {
      if (process.exited) throw new Error(`the gateway exited:\n${process.lines.join('\n')}`);
      const ready = await fetch(`${url}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      return ready && process.lines.some((line) => line.includes('contracts loaded')) && process.lines.some((line) => line.includes('joined consumer group'));
    });
    return { process, url };
  };
  const gateways = await Promise.all(Array.from({ length: options.instances ?? 1 }, startGateway));
  const [{ process: gateway, url }] = gateways as [{ process: AppProcess; url: string }];
  return {
    url,
    urls: gateways.map((instance) => instance.url),
    database,
    gateway,
    processes: gateways.map((instance) => instance.process),
    contractsTopic,
    deadLetterTopic,
    findingsTopic,
    keys,
    registerContract,
    stop: async () => {
      await Promise.all(gateways.map((instance) => instance.process.stop()));
      await producer.disconnect();
      await database.drop();
    },
  };
}

/** Calls the gateway as a member. */
export function asMember(bed: GatewayTestBed, member: string) {
  const call = (method: string, path: string, body?: string, contentType = 'application/json') =>
    fetch(`${bed.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${bed.keys[member]}`, ...(body === undefined ? {} : { 'content-type': contentType }) },
      ...(body === undefined ? {} : { body }),
    });
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown, contentType?: string) => call('POST', path, typeof body === 'string' ? body : JSON.stringify(body), contentType),
    put: (path: string, body: unknown) => call('PUT', path, JSON.stringify(body)),
  };
}

/** A response body as JSON, untyped: tests assert on its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests' assertions check the body's shape
export const bodyOf = async (response: Response): Promise<any> => response.json();

/**
 * Publishes one record as a member, the type's contract example with `data` over it, under a
 * fresh id; fails the test unless it is accepted. Returns the id.
 */
export async function publishOne(bed: GatewayTestBed, member: string, type: string, data: Record<string, unknown>): Promise<string> {
  const id = uniqueName(member);
  const outcome = await bodyOf(await asMember(bed, member).post('/v1/events', [{ id, type, data: { ...contractExample(type), ...data } }]));
  expect([type, outcome.accepted]).toEqual([type, 1]);
  return id;
}
