/**
 * Issue 19: a department system on another stack connects as a real one would. A Java program on
 * Apache Kafka's own client (the broker's jars, from Maven Central) publishes CloudEvents to its
 * inbound topic with its SCRAM-SHA-512 credentials over TLS and reads its results and findings;
 * the same program is refused another member's topics. The department joins while the hub runs.
 */
import { randomBytes } from 'node:crypto';
import { BrokerPrincipals } from '@hub/broker-access';
import { memberTopics, memberTopicSpecs } from '@hub/messaging';
import { openMemberDirectory } from '@hub/members';
import { contractExample } from '../support/contract-examples.js';
import { startGatewayTestBed, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { consumeWithJavaClient } from '../support/java-consumer.js';
import { produceWithJavaClient, type JavaRecord } from '../support/java-producer.js';
import { createTestTopics, testBrokerListeners, testKafkaSettings } from '../support/test-kafka.js';
import { uniqueName } from '../support/unique-name.js';

const ENROLMENT = 'education.student-enrolment.changed.v1';
const MEMBER = 'education';

describe("a department's own Java system, with its SCRAM credentials over TLS", () => {
  const listeners = testBrokerListeners();
  const principals = new BrokerPrincipals(testKafkaSettings('java-client-admin'));
  const password = randomBytes(18).toString('base64url');
  /** What the department's system configures: SASL_SSL, SCRAM-SHA-512, the hub's certificate. */
  const clientProperties = {
    'security.protocol': 'SASL_SSL',
    'sasl.mechanism': 'SCRAM-SHA-512',
    'sasl.jaas.config': `org.apache.kafka.common.security.scram.ScramLoginModule required username="${MEMBER}" password="${password}";`,
    'ssl.truststore.type': 'PEM',
    'ssl.truststore.location': listeners.caFile,
  };
  const cloudEvent = (id: string): JavaRecord => ({
    key: id,
    value: JSON.stringify(contractExample(ENROLMENT)),
    headers: { ce_specversion: '1.0', ce_id: id, ce_type: ENROLMENT, ce_source: '/systems/xueji', 'content-type': 'application/json' },
  });
  let bed: GatewayTestBed;

  beforeAll(async () => {
    bed = await startGatewayTestBed('java-department', { members: [{ id: 'civil-affairs', role: 'department' }] });
    // Education joins while the gateway runs, as `hub members add education` does it.
    const { members, close } = await openMemberDirectory(bed.database.url);
    await members.add({ id: MEMBER, role: 'department' }).finally(close);
    await createTestTopics(memberTopicSpecs(MEMBER));
    await principals.provisionMember(MEMBER, password);
  });

  afterAll(async () => {
    await principals.removeMember(MEMBER);
    await bed?.stop();
  });

  it("publishes to its inbound topic, having joined while the hub runs, and reads the gateway's answer on its results topic", async () => {
    const id = uniqueName('java-scram');
    await produceWithJavaClient(listeners.members, memberTopics(MEMBER).inbound, 'zstd', [cloudEvent(id)], clientProperties);
    const results = await consumeWithJavaClient(listeners.members, memberTopics(MEMBER).results, `${MEMBER}.results-${id}`, { records: 1, timeoutMs: 60_000, text: id }, clientProperties);
    expect(results.refused).toBe(false);
    // Results are delivered at least once: should the gateway's group rebalance before it commits (it
    // joined the new member's topic moments ago), the same answer comes again, same record, same offset.
    const answers = results.values.map((value) => JSON.parse(value.toString('utf8')) as { id: string; status: string; partition: number; offset: string });
    const [first] = answers;
    expect(first).toMatchObject({ id, status: 'accepted' });
    expect(answers.map(({ status, partition, offset }) => ({ status, partition, offset }))).toEqual(answers.map(() => ({ status: 'accepted', partition: first.partition, offset: first.offset })));
  });

  it('may read its findings topic', async () => {
    const findings = await consumeWithJavaClient(
      listeners.members,
      memberTopics(MEMBER).findings,
      `${MEMBER}.findings-${uniqueName('java')}`,
      { records: 1, timeoutMs: 5_000, text: 'no-such-finding' },
      clientProperties,
    );
    expect(findings).toMatchObject({ refused: false });
  });

  it("is refused another member's inbound topic", async () => {
    await expect(produceWithJavaClient(listeners.members, memberTopics('civil-affairs').inbound, 'none', [cloudEvent(uniqueName('java-forged'))], clientProperties)).rejects.toThrow(
      /TopicAuthorizationException|Not authorized/,
    );
  });

  it("is refused another member's results", async () => {
    const answer = await consumeWithJavaClient(listeners.members, memberTopics('civil-affairs').results, `${MEMBER}.peek-${uniqueName('java')}`, { records: 1, timeoutMs: 20_000 }, clientProperties);
    expect(answer).toMatchObject({ refused: true, values: [] });
  });
});
