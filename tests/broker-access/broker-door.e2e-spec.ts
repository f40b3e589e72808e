/**
 * Issue 19, the broker's door: each department is a principal of its own (SCRAM-SHA-512 over TLS
 * on the members' listener) allowed exactly its inbound topic (write) and its results and findings
 * (read); the hub's services have theirs; a removed principal is refused within seconds.
 */
import { randomBytes } from 'node:crypto';
import { HUB_SERVICES, servicePrincipal, type HubService } from '@hub/access';
import { BrokerPrincipals } from '@hub/broker-access';
import { createKafkaClient, HubProducer, readLogUntil, type KafkaSettings } from '@hub/messaging';
import { consumeAs, produceAs, type BrokerOutcome } from '../support/broker-outcome.js';
import { eventually } from '../support/eventually.js';
import { createTestTopics, testBrokerListeners, testKafkaSettings } from '../support/test-kafka.js';

const newMember = () => `m${randomBytes(5).toString('hex')}`;
const password = () => randomBytes(18).toString('base64url');

/** Reads the topic as the auditors' tools do, partition by partition without a group: allowed when the seed record comes back. */
async function readAsLog(settings: KafkaSettings, topic: string): Promise<BrokerOutcome> {
  const reading = await readLogUntil({ ...settings, quiet: true }, [topic], new Date(), async () => undefined);
  return reading.records > 0 ? 'allowed' : 'refused';
}

describe("the broker's door (issue 19)", () => {
  const listeners = testBrokerListeners();
  const admin = testKafkaSettings('broker-door-admin');
  const principals = new BrokerPrincipals(admin);
  const members = [newMember(), newMember()] as const;
  const passwords = new Map(members.map((member) => [member, password()]));
  const asMember = (member: string): KafkaSettings => ({
    brokers: listeners.members,
    clientId: `${member}.test`,
    sasl: { mechanism: 'scram-sha-512', username: member, password: passwords.get(member)! },
    tls: { ca: listeners.ca },
  });
  const topicsOf = (member: string) => ({ inbound: `hub.inbound.${member}`, results: `hub.results.${member}`, findings: `hub.findings.${member}`, canonical: `${member}.household-status.changed.v1` });
  const HUB_TOPICS = ['hub.finding.changed.v1', 'hub.contracts', 'hub.access-log', 'hub.deadletter', 'hub.audit.checkpoint.v1', 'hub.finding-response.recorded.v1'];
  const allTopics = [...members.flatMap((member) => Object.values(topicsOf(member))), ...HUB_TOPICS];

  beforeAll(async () => {
    await createTestTopics(allTopics.map((topic) => ({ topic, numPartitions: 1 })));
    // Every topic holds a record, so a reading fetches and the broker judges the read.
    const producer = new HubProducer(createKafkaClient(admin));
    await producer.send(allTopics.map((topic) => ({ topic, key: 'seed', value: '{}' })));
    await producer.disconnect();
    for (const member of members) await principals.provisionMember(member, passwords.get(member)!);
  });

  afterAll(async () => {
    for (const member of members) await principals.removeMember(member);
  });

  it('allows each member exactly its own inbound topic (produce) and its results and findings (consume), over TLS: the matrix', async () => {
    const wrong: string[] = [];
    let cells = 0;
    for (const member of members) {
      const own = topicsOf(member);
      for (const topic of allTopics) {
        const expectedProduce: BrokerOutcome = topic === own.inbound ? 'allowed' : 'refused';
        const expectedConsume: BrokerOutcome = topic === own.results || topic === own.findings ? 'allowed' : 'refused';
        const [produced, consumed] = [await produceAs(asMember(member), topic), await consumeAs(asMember(member), topic)];
        cells += 2;
        if (produced !== expectedProduce) wrong.push(`${member} produce ${topic}: ${produced}`);
        if (consumed !== expectedConsume) wrong.push(`${member} consume ${topic}: ${consumed}`);
      }
    }
    process.stdout.write(`[broker matrix] ${members.length} members × ${allTopics.length} topics × 2 (produce, consume) = ${cells} cells; ${wrong.length} wrong\n`);
    expect(wrong).toEqual([]);
  });

  it("refuses a wrong password, on the members' listener and on the services' one", async () => {
    const member = members[0];
    const wrongPassword = { ...asMember(member), sasl: { mechanism: 'scram-sha-512' as const, username: member, password: 'not-it' } };
    expect(await produceAs(wrongPassword, topicsOf(member).inbound)).toBe('refused');
    expect(await produceAs({ ...wrongPassword, brokers: listeners.services, tls: undefined }, topicsOf(member).inbound)).toBe('refused');
  });

  it("refuses a member's produce within seconds of its principal being removed", async () => {
    const member = newMember();
    passwords.set(member, password());
    await createTestTopics([{ topic: topicsOf(member).inbound, numPartitions: 1 }]);
    await principals.provisionMember(member, passwords.get(member)!);
    expect(await produceAs(asMember(member), topicsOf(member).inbound)).toBe('allowed');
    const removed = Date.now();
    await principals.removeMember(member);
    await eventually('the removed member to be refused', async () => (await produceAs(asMember(member), topicsOf(member).inbound)) === 'refused', 15_000);
    process.stdout.write(`[broker revocation] refused ${Date.now() - removed} ms after the principal was removed\n`);
  });

  describe("the services' principals", () => {
    const servicePassword = password();

    beforeAll(async () => {
      await principals.provisionServices(Object.fromEntries(HUB_SERVICES.map((service) => [service, servicePassword])) as Record<HubService, string>, [...members]);
    });

    it.each<[HubService, string, 'produce' | 'consume', BrokerOutcome]>([
      ['crosscheck', 'hub.inbound.%m', 'consume', 'refused'],
      ['crosscheck', 'hub.finding.changed.v1', 'produce', 'allowed'],
      ['crosscheck', '%m.household-status.changed.v1', 'consume', 'allowed'],
      ['crosscheck', '%m.household-status.changed.v1', 'produce', 'refused'],
      ['registry', 'hub.contracts', 'produce', 'allowed'],
      ['registry', 'hub.finding.changed.v1', 'produce', 'refused'],
      ['registry', 'hub.inbound.%m', 'consume', 'refused'],
      ['audit', 'hub.inbound.%m', 'consume', 'allowed'],
      ['audit', 'hub.finding.changed.v1', 'produce', 'refused'],
      ['auditor-tools', 'hub.access-log', 'consume', 'allowed'],
      ['auditor-tools', 'hub.access-log', 'produce', 'refused'],
      ['auditor-tools', 'hub.inbound.%m', 'consume', 'allowed'],
      ['gateway', 'hub.inbound.%m', 'consume', 'allowed'],
      ['gateway', 'hub.inbound.%m', 'produce', 'refused'],
      ['gateway', 'hub.finding.changed.v1', 'produce', 'refused'],
      ['gateway', '%m.household-status.changed.v1', 'produce', 'allowed'],
    ])('the %s service: %s, %s, is %s', async (service, pattern, operation, expected) => {
      const topic = pattern.replace('%m', members[0]);
      const settings: KafkaSettings = {
        brokers: listeners.services,
        clientId: `${service}.door-test`,
        sasl: { mechanism: 'scram-sha-512', username: servicePrincipal(service), password: servicePassword },
      };
      const read = service === 'auditor-tools' ? readAsLog : consumeAs;
      expect(await (operation === 'produce' ? produceAs(settings, topic) : read(settings, topic))).toBe(expected);
    });
  });
});
