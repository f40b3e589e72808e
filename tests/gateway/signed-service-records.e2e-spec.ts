/**
 * Issue 19, the second line behind the broker's ACLs: the gateway takes a finding change only as
 * the crosscheck signed it, and a contract change only as the registry signed it; one written by
 * anyone else who can write the topic is refused to the dead-letter topic with the reason.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toKafkaBinary } from '@hub/contracts';
import { createKafkaClient, HubProducer, readTopicWindow, RecordHeader, RecordSigner, type InboundRecord, type OutboundRecord } from '@hub/messaging';
import { VersionedKeyRing, Pseudonymiser } from '@hub/privacy';
import { contractExample } from '../support/contract-examples.js';
import { eventually } from '../support/eventually.js';
import { asMember, bodyOf, standardContractStates, startGatewayTestBed, TEST_PSEUDONYM_KEYS, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { testKafkaSettings } from '../support/test-kafka.js';
import { uniqueName } from '../support/unique-name.js';

describe('finding changes signed by the crosscheck (issue 19)', () => {
  const crosscheck = generateKeyPairSync('ed25519');
  const folder = mkdtempSync(join(tmpdir(), 'hub-signed-findings-'));
  const publicKeyFile = join(folder, 'crosscheck.pub.pem');
  writeFileSync(publicKeyFile, crosscheck.publicKey.export({ type: 'spki', format: 'pem' }));
  const started = Date.now();
  let bed: GatewayTestBed;

  const finding = (findingId: string): OutboundRecord => {
    const person = new Pseudonymiser(VersionedKeyRing.parse(TEST_PSEUDONYM_KEYS)).pseudonymise('person', '640104201204150512');
    const data = { ...contractExample('hub.finding.changed.v1'), findingId, subject: person, change: 'raised', occurredAt: '2026-09-02T08:15:00Z', routedTo: 'education' };
    return { topic: bed.findingsTopic, ...toKafkaBinary({ specversion: '1.0', id: uniqueName('f'), source: '/hub/crosscheck', type: 'hub.finding.changed.v1', data }, person) };
  };
  const publish = async (records: OutboundRecord[]) => {
    const producer = new HubProducer(createKafkaClient(testKafkaSettings('test-findings-writer')));
    await producer.send(records).finally(() => producer.disconnect());
  };
  const served = async (findingId: string) => ((await bodyOf(await asMember(bed, 'education').get('/v1/findings?limit=1000'))).items as { findingId: string }[]).some((f) => f.findingId === findingId);
  const newFindingId = (mark: string) => mark.repeat(48) + Date.now().toString(16).padStart(16, '0');

  beforeAll(async () => {
    bed = await startGatewayTestBed('signed-findings', { members: [{ id: 'education', role: 'department' }], env: { FINDINGS_PUBLIC_KEY_FILE: publicKeyFile } });
  });

  afterAll(async () => {
    await bed?.stop();
  });

  it('serves a finding change the crosscheck signed', async () => {
    const findingId = newFindingId('c');
    await publish([new RecordSigner(crosscheck.privateKey).sign(finding(findingId))]);
    await eventually('the signed finding served', () => served(findingId));
  });

  it('refuses a forged one (unsigned, or signed by another key) to the dead-letter topic with the reason, and serves the signed one beside it', async () => {
    const [unsigned, otherKey, signed] = [newFindingId('d'), newFindingId('e'), newFindingId('f')];
    await publish([finding(unsigned), new RecordSigner(generateKeyPairSync('ed25519').privateKey).sign(finding(otherKey)), new RecordSigner(crosscheck.privateKey).sign(finding(signed))]);
    await eventually('the signed finding of the batch served', () => served(signed));
    let letters: InboundRecord[] = [];
    await eventually('both forged changes dead-lettered', async () => {
      letters = [];
      // The bed's dead-letter topic also gets the malformed records other suites leave on the shared inbound topics.
      await readTopicWindow(testKafkaSettings('test-dlq-reader'), bed.deadLetterTopic, { since: started, limit: 100_000 }, (record) => {
        if (record.headers[RecordHeader.DeadLetterSourceTopic] === bed.findingsTopic) letters.push(record);
      });
      return letters.length >= 2;
    });
    expect(letters.map((letter) => letter.headers[RecordHeader.DeadLetterErrorMessage])).toEqual([
      expect.stringContaining('carries no hub-signature header'),
      expect.stringContaining('which is not trusted for'),
    ]);
    expect(await served(unsigned)).toBe(false);
    expect(await served(otherKey)).toBe(false);
  });
});

describe('contract changes signed by the registry (issue 19)', () => {
  const registry = generateKeyPairSync('ed25519');
  const folder = mkdtempSync(join(tmpdir(), 'hub-signed-contracts-'));
  const publicKeyFile = join(folder, 'registry.pub.pem');
  writeFileSync(publicKeyFile, registry.publicKey.export({ type: 'spki', format: 'pem' }));
  let bed: GatewayTestBed;
  const AID = 'education.student-aid.granted.v1';
  const ENROLMENT = 'education.student-enrolment.changed.v1';

  beforeAll(async () => {
    bed = await startGatewayTestBed('signed-contracts', { members: [{ id: 'education', role: 'department' }], contracts: [], env: { CONTRACTS_PUBLIC_KEY_FILE: publicKeyFile } });
    const states = standardContractStates().filter((state) => state.binding!.topic === AID || state.binding!.topic === ENROLMENT);
    const record = (state: (typeof states)[number]): OutboundRecord => ({ topic: bed.contractsTopic, key: state.subject, value: JSON.stringify(state) });
    const producer = new HubProducer(createKafkaClient(testKafkaSettings('test-contracts-writer')));
    // The aid contract as the registry signed it; the enrolment contract written by someone else.
    await producer.send(states.map((state) => (state.binding!.topic === AID ? new RecordSigner(registry.privateKey).sign(record(state)) : record(state)))).finally(() => producer.disconnect());
  });

  afterAll(async () => {
    await bed?.stop();
  });

  it('takes the contract the registry signed and refuses the other, so its type is unknown to the gateway', async () => {
    const post = async (type: string) => bodyOf(await asMember(bed, 'education').post('/v1/events', [{ id: uniqueName('c'), type, data: contractExample(type) }]));
    await eventually('the signed contract in force', async () => (await post(AID)).accepted === 1);
    expect((await post(ENROLMENT)).results).toEqual([expect.objectContaining({ status: 'rejected', code: 'unknown-type' })]);
  });
});
