import { isResidentIdentityNumber, toKafkaBinary } from '@hub/contracts';
import { createKafkaClient, HubProducer, type InboundRecord, memberTopics, readTopicWindow } from '@hub/messaging';
import { VersionedKeyRing, Pseudonymiser } from '@hub/privacy';
import { contractExample } from '../support/contract-examples.js';
import { eventually } from '../support/eventually.js';
import { freshIdentityNumber } from '../support/identity-numbers.js';
import { runCli } from '../support/run-cli.js';
import { asMember, bodyOf, startGatewayTestBed, TEST_PSEUDONYM_KEYS, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { testKafkaSettings } from '../support/test-kafka.js';
import { uniqueName } from '../support/unique-name.js';

const ENROLMENT = 'education.student-enrolment.changed.v1';
const HOUSEHOLD = 'civil-affairs.household-status.changed.v1';
const STUDENT_ID_NUMBER = '640104201204150512';
const pseudonymiser = new Pseudonymiser(VersionedKeyRing.parse(TEST_PSEUDONYM_KEYS));
const settings = testKafkaSettings('test-scan');

async function recordsOn(topic: string, since = 0): Promise<InboundRecord[]> {
  const records: InboundRecord[] = [];
  await readTopicWindow(settings, topic, { since, limit: 10_000_000 }, (r) => records.push(r));
  return records;
}

/** Every identity number in the clear in a text: 18 characters that pass the GB 11643 check. */
const identityNumbersIn = (text: string) => (text.match(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g) ?? []).filter((candidate) => isResidentIdentityNumber(candidate.toUpperCase()));

const findingOf = (subject: string, change: 'raised' | 'closed', occurredAt: string, findingId: string) => ({
  ...contractExample('hub.finding.changed.v1'),
  findingId,
  subject,
  change,
  occurredAt,
  routedTo: 'education',
});

describe("a department's loop through the gateway: Kafka in, findings out, and no identity number in the clear anywhere", () => {
  let bed: GatewayTestBed;
  let producer: HubProducer;
  const started = Date.now();
  const person = pseudonymiser.pseudonymise('person', STUDENT_ID_NUMBER);
  const findingId = 'a'.repeat(48) + Date.now().toString(16).padStart(16, '0');

  beforeAll(async () => {
    bed = await startGatewayTestBed('gateway-loop', {
      members: [
        { id: 'education', role: 'department' },
        { id: 'civil-affairs', role: 'department' },
        { id: 'audit-office', role: 'auditor' },
      ],
      // Few facts per second, so that the limit can be reached in a test.
      env: { LOG_LEVEL: 'debug', FACTS_PER_SECOND: '1' },
    });
    producer = new HubProducer(createKafkaClient(testKafkaSettings('test-department')));
  });

  afterAll(async () => {
    await producer?.disconnect();
    await bed?.stop();
  });

  const enrolmentOf = (idNumber: string) => ({ id: uniqueName('edu-enrol'), type: ENROLMENT, data: { ...contractExample(ENROLMENT), studentNumber: `G${idNumber}`, idNumber } });
  const enrol = async (record: ReturnType<typeof enrolmentOf>) => asMember(bed, 'education').post('/v1/events', [record]);
  const householdFacts = async (after?: string) =>
    (await bodyOf(await asMember(bed, 'education').get(`/v1/facts?type=${HOUSEHOLD}&limit=1000${after ? `&after=${after}` : ''}`))).items as {
      sequence: string;
      eventId: string;
      recordKeys: Record<string, string>;
    }[];
  const publishHousehold = async (id: string, members: { idNumber: string; relationToHead: string }[]) =>
    asMember(bed, 'civil-affairs').post('/v1/events', [
      { id, type: HOUSEHOLD, data: { ...contractExample(HOUSEHOLD), householdNumber: `640104-${id.slice(-6)}`, members: members.map((m) => ({ ...m, name: '测试' })) } },
    ]);

  it("takes CloudEvents from a department's inbound topic, and answers each on its results topic", async () => {
    const goodId = uniqueName('kafka-good');
    const badId = uniqueName('kafka-bad');
    const event = (id: string, data: unknown) =>
      toKafkaBinary({ specversion: '1.0', id, source: '/systems/xueji', type: ENROLMENT, time: '2026-09-01T08:00:00Z', datacontenttype: 'application/json', data }, id);
    await producer.send([
      { topic: memberTopics('education').inbound, ...event(goodId, contractExample(ENROLMENT)) },
      { topic: memberTopics('education').inbound, ...event(badId, { ...contractExample(ENROLMENT), grade: 0 }) },
    ]);

    let results: Record<string, { status: string; errors?: { path: string }[] }> = {};
    await eventually('both results on the results topic', async () => {
      results = Object.fromEntries((await recordsOn(memberTopics('education').results, started)).map((r) => [r.key!, JSON.parse(r.value!.toString())]));
      return goodId in results && badId in results;
    });
    expect(results[goodId]).toMatchObject({ status: 'accepted', topic: ENROLMENT });
    expect(results[badId]).toMatchObject({ status: 'rejected', code: 'invalid', errors: [{ path: '/data/grade' }] });
    const canonical = (await recordsOn(ENROLMENT, started)).find((r) => r.headers['ce_id'] === goodId)!;
    expect(canonical.key).toBe(person);
    expect(canonical.headers['ce_source']).toBe('/departments/education');
  });

  it('lists a Kafka-path rejection beside the HTTP ones', async () => {
    // The gateway also rejected other suites' records on the shared inbound topic: look among the enrolments.
    const page = await bodyOf(await asMember(bed, 'education').get(`/v1/rejections?type=${ENROLMENT}&limit=1000`));
    expect(page.items).toContainEqual(expect.objectContaining({ channel: 'kafka', problems: [expect.objectContaining({ path: '/data/grade' })] }));
  });

  it("delivers a finding to the department it is routed to, in that department's own record keys", async () => {
    await asMember(bed, 'civil-affairs').post('/v1/events', [{ id: uniqueName('hh'), type: HOUSEHOLD, data: contractExample(HOUSEHOLD) }]);
    await producer.send([
      {
        topic: bed.findingsTopic,
        ...toKafkaBinary(
          { specversion: '1.0', id: uniqueName('f'), source: '/hub/crosscheck', type: 'hub.finding.changed.v1', data: findingOf(person, 'raised', '2026-09-02T08:15:00Z', findingId) },
          person,
        ),
      },
    ]);

    let finding: Record<string, unknown> | undefined;
    await eventually('the finding reaches education', async () => {
      finding = (await bodyOf(await asMember(bed, 'education').get('/v1/findings'))).items.find((f: { findingId: string }) => f.findingId === findingId);
      return finding !== undefined;
    });
    expect(finding).toMatchObject({ state: 'open', rule: 'missed-student-aid', period: '2026-autumn', subject: person, recordKeys: { studentNumber: 'G640104201204150512' } });
    expect(finding!['recordKeys']).not.toHaveProperty('householdNumber');
    const onTopic = await recordsOn(memberTopics('education').findings, started);
    // The findings topic keeps what it carries, so a key that embeds an identity number goes masked there (issue 20).
    expect(onTopic.map((r) => JSON.parse(r.value!.toString()))).toContainEqual(expect.objectContaining({ findingId, recordKeys: { studentNumber: 'G640104********0512' } }));
  });

  it('filters its findings by county and by its last response, and refuses a county or a response it cannot read', async () => {
    const ids = async (query: string) => ((await bodyOf(await asMember(bed, 'education').get(`/v1/findings?${query}`))).items as { findingId: string }[]).map((f) => f.findingId);
    // The example finding's subject lives in 兴庆区 (640104) and has no response yet.
    expect([(await ids('county=640104')).includes(findingId), (await ids('county=640324')).includes(findingId)]).toEqual([true, false]);
    expect([(await ids('response=none')).includes(findingId), (await ids('response=resolved')).includes(findingId)]).toEqual([true, false]);
    expect([(await asMember(bed, 'education').get('/v1/findings?county=64')).status, (await asMember(bed, 'education').get('/v1/findings?response=maybe')).status]).toEqual([400, 400]);
  });

  it("shows a department none of another department's findings, and an auditor all of them", async () => {
    const civil = await bodyOf(await asMember(bed, 'civil-affairs').get('/v1/findings'));
    expect(civil.items.map((f: { findingId: string }) => f.findingId)).not.toContain(findingId);
    expect((await asMember(bed, 'civil-affairs').get('/v1/findings?member=education')).status).toBe(403);
    const audited = await bodyOf(await asMember(bed, 'audit-office').get('/v1/findings'));
    expect(audited.items).toContainEqual(expect.objectContaining({ findingId, routedTo: 'education' }));
  });

  it('closes a finding on a newer change and ignores an older one arriving late', async () => {
    const send = (id: string, change: 'raised' | 'closed', at: string) =>
      producer.send([
        {
          topic: bed.findingsTopic,
          ...toKafkaBinary({ specversion: '1.0', id: uniqueName('f'), source: '/hub/crosscheck', type: 'hub.finding.changed.v1', data: findingOf(person, change, at, id) }, person),
        },
      ]);
    const findings = async () => (await bodyOf(await asMember(bed, 'education').get('/v1/findings?limit=1000'))).items as { findingId: string; state: string; occurredAt: string }[];
    await send(findingId, 'closed', '2026-10-21T09:00:00Z');
    await send(findingId, 'raised', '2026-09-05T08:00:00Z');
    // Same key, same partition: once this marker is routed, the late change before it has been too.
    const marker = 'c'.repeat(48) + Date.now().toString(16).padStart(16, '0');
    await send(marker, 'raised', '2026-10-22T09:00:00Z');
    await eventually('the marker is routed', async () => (await findings()).some((f) => f.findingId === marker));
    expect((await findings()).find((f) => f.findingId === findingId)).toMatchObject({ state: 'closed', occurredAt: '2026-10-21T09:00:00Z' });
    const open = await bodyOf(await asMember(bed, 'education').get('/v1/findings?state=open&limit=1000'));
    expect(open.items.map((f: { findingId: string }) => f.findingId)).not.toContain(findingId);
  });

  it('dead-letters a record on the findings topic that is not a CloudEvent, and keeps routing the next ones', async () => {
    const laterId = 'b'.repeat(48) + Date.now().toString(16).padStart(16, '0');
    await producer.send([
      { topic: bed.findingsTopic, key: person, value: JSON.stringify(findingOf(person, 'raised', '2026-09-03T08:00:00Z', laterId)) },
      {
        topic: bed.findingsTopic,
        ...toKafkaBinary(
          { specversion: '1.0', id: uniqueName('f'), source: '/hub/crosscheck', type: 'hub.finding.changed.v1', data: findingOf(person, 'raised', '2026-09-03T08:00:00Z', laterId) },
          person,
        ),
      },
    ]);
    await eventually('the malformed record is dead-lettered', async () =>
      (await recordsOn(bed.deadLetterTopic, started)).some((r) => r.headers['hub_dlq_source_topic'] === bed.findingsTopic && /ce_id/.test(r.headers['hub_dlq_error_message'] ?? '')),
    );
    await eventually('the next finding is routed', async () => (await bodyOf(await asMember(bed, 'education').get('/v1/findings'))).items.some((f: { findingId: string }) => f.findingId === laterId));
  });

  it("records a department's response to its finding as an event, and refuses one to a finding it does not hold", async () => {
    const response = await asMember(bed, 'education').post(`/v1/findings/${findingId}/responses`, { response: 'disputed', reason: 'The student left in August.', respondedBy: '张老师' });
    expect(response.status).toBe(202);
    const { eventId } = await bodyOf(response);
    await eventually('the response is on its topic', async () => (await recordsOn('hub.finding-response.recorded.v1', started)).some((r) => r.headers['ce_id'] === eventId));
    expect((await asMember(bed, 'civil-affairs').post(`/v1/findings/${findingId}/responses`, { response: 'acknowledged', respondedBy: '王' })).status).toBe(404);
    const invalid = await asMember(bed, 'education').post(`/v1/findings/${findingId}/responses`, { response: 'disputed', respondedBy: '张老师' });
    expect(invalid.status).toBe(400);
    expect((await bodyOf(invalid)).message).toMatch(/reason/);
  });

  it("shares another department's facts about a person the member knows, in its own record keys and only the fields granted", async () => {
    const householdId = uniqueName('hh-fact');
    await asMember(bed, 'civil-affairs').post('/v1/events', [{ id: householdId, type: HOUSEHOLD, data: contractExample(HOUSEHOLD) }]);
    let fact: Record<string, unknown> | undefined;
    await eventually('education reads the household status of its student', async () => {
      fact = (await bodyOf(await asMember(bed, 'education').get(`/v1/facts?type=${HOUSEHOLD}&limit=1000`))).items.find((f: { eventId: string }) => f.eventId === householdId);
      return fact !== undefined;
    });
    expect(fact).toEqual({
      sequence: expect.any(String),
      eventType: HOUSEHOLD,
      eventId: householdId,
      source: '/departments/civil-affairs',
      occurredAt: expect.any(String),
      recordKeys: { studentNumber: 'G640104201204150512' },
      fields: { category: 'dibao', change: 'granted', effectiveFrom: '2026-03-01', effectiveTo: null },
      purpose: expect.stringMatching(/student aid/),
    });
  });

  it('serves a fact kept before the member knew the person after its cursor, once it publishes a record naming them', async () => {
    const [known, stranger] = [freshIdentityNumber(), freshIdentityNumber()];
    expect((await bodyOf(await enrol(enrolmentOf(known)))).accepted).toBe(1);
    // A household of the stranger and education's student: its facts are kept, the student's readable by education, the stranger's not yet.
    const strangersHousehold = uniqueName('hh-before');
    await publishHousehold(strangersHousehold, [
      { idNumber: stranger, relationToHead: 'head' },
      { idNumber: known, relationToHead: 'child' },
    ]);
    // A later household of the student alone: a cursor past it is past every fact of the first.
    const laterHousehold = uniqueName('hh-after');
    await publishHousehold(laterHousehold, [{ idNumber: known, relationToHead: 'head' }]);
    let cursor: string | undefined;
    await eventually('education reads the later household of its student', async () => {
      cursor = (await householdFacts()).find((fact) => fact.eventId === laterHousehold)?.sequence;
      return cursor !== undefined;
    });
    expect((await bodyOf(await enrol(enrolmentOf(stranger)))).accepted).toBe(1);
    let served: { eventId: string; recordKeys: Record<string, string> }[] = [];
    await eventually("education reads the stranger's household after its cursor", async () => {
      served = await householdFacts(cursor);
      return served.length > 0;
    });
    expect(served).toContainEqual(expect.objectContaining({ eventId: strangersHousehold, recordKeys: { studentNumber: `G${stranger}` } }));
  });

  it('serves the facts of a person whose first record was answered 503 after its commit, once the member retries it', async () => {
    const [known, stranger] = [freshIdentityNumber(), freshIdentityNumber()];
    expect((await bodyOf(await enrol(enrolmentOf(known)))).accepted).toBe(1);
    const household = uniqueName('hh-retry');
    await publishHousehold(household, [
      { idNumber: stranger, relationToHead: 'head' },
      { idNumber: known, relationToHead: 'child' },
    ]);
    await eventually('education reads the household of its student', async () => (await householdFacts()).some((fact) => fact.eventId === household));

    // The database goes away between the record's commit and the lookup of its person's facts (a shutdown's SQLSTATE).
    await bed.database.query(`CREATE FUNCTION refuse_member_facts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'shutting down' USING ERRCODE = '57P01'; END $$`);
    await bed.database.query('CREATE TRIGGER refuse_member_facts BEFORE INSERT ON gateway_member_fact FOR EACH ROW EXECUTE FUNCTION refuse_member_facts()');
    const strangersEnrolment = enrolmentOf(stranger);
    let failed: Response;
    try {
      failed = await enrol(strangersEnrolment);
    } finally {
      await bed.database.query('DROP TRIGGER refuse_member_facts ON gateway_member_fact');
      await bed.database.query('DROP FUNCTION refuse_member_facts()');
    }
    expect(failed.status).toBe(503);

    const retried = await bodyOf(await enrol(strangersEnrolment));
    expect(retried).toMatchObject({ accepted: 0, duplicates: 1 });
    let served: { eventId: string; recordKeys: Record<string, string> }[] = [];
    await eventually("education reads the household with the stranger's record keys", async () => {
      served = (await householdFacts()).filter((fact) => fact.eventId === household);
      return served.some((fact) => fact.recordKeys['studentNumber'] === `G${stranger}`);
    });
    expect(served).toContainEqual(expect.objectContaining({ recordKeys: { studentNumber: `G${stranger}` } }));
  });

  it('shares no fact about a person the member has never published, nor of a type no rule grants it', async () => {
    const unknownToThem = await bodyOf(await asMember(bed, 'civil-affairs').get('/v1/facts'));
    expect(unknownToThem.items).toEqual([]);
    const refused = await asMember(bed, 'civil-affairs').get(`/v1/facts?type=${ENROLMENT}`);
    expect(refused.status).toBe(403);
  });

  it('lists for auditors a person whose facts a member read with only the record that opened the door (a look-up through a made-up record, issue 20)', async () => {
    const stranger = freshIdentityNumber();
    const enrolled = await bodyOf(
      await asMember(bed, 'education').post('/v1/events', [
        { id: uniqueName('edu-lookup'), type: ENROLMENT, data: { ...contractExample(ENROLMENT), studentNumber: `G${stranger}`, idNumber: stranger } },
      ]),
    );
    expect(enrolled.accepted).toBe(1);
    const household = { ...contractExample(HOUSEHOLD), householdNumber: `640104-${uniqueName('h').slice(-6)}`, members: [{ idNumber: stranger, name: '测试', relationToHead: 'head' }] };
    const householdId = uniqueName('hh-lookup');
    await asMember(bed, 'civil-affairs').post('/v1/events', [{ id: householdId, type: HOUSEHOLD, data: household }]);
    await eventually("education is served the stranger's household status", async () =>
      (await bodyOf(await asMember(bed, 'education').get(`/v1/facts?type=${HOUSEHOLD}&limit=1000`))).items.some((f: { eventId: string }) => f.eventId === householdId),
    );
    const reads = (await bodyOf(await asMember(bed, 'audit-office').get('/v1/facts/unjustified-reads?member=education&limit=1000'))).items;
    expect(reads).toContainEqual(expect.objectContaining({ member: 'education', subject: pseudonymiser.pseudonymise('person', stranger), records: 1, factsServed: expect.any(Number) }));
    // The student with a finding routed to education is no look-up.
    expect(reads.map((r: { subject: string }) => r.subject)).not.toContain(person);
    expect((await asMember(bed, 'education').get('/v1/facts/unjustified-reads')).status).toBe(403);
  });

  it('prints the same list for an auditor with hub audit fact-reads', async () => {
    const run = await runCli(['audit', 'fact-reads', '--member', 'education', '--gateway', bed.url], { HUB_API_KEY: bed.keys['audit-office'] });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/person\(s\) whose facts were read with no finding and no record beyond one/);
    expect(run.stdout).toMatch(/education\s+p1\.person\.\S+\s+\d+ fact\(s\), first .*, 1 record\(s\)/);
  });

  it('bounds the facts a member is served per second: past its burst it is answered 429 with Retry-After', async () => {
    let refused: Response | undefined;
    for (let i = 0; i < 100 && !refused; i++) {
      const response = await asMember(bed, 'education').get(`/v1/facts?type=${HOUSEHOLD}&limit=1000`);
      if (response.status === 429) refused = response;
    }
    expect(refused?.status).toBe(429);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await bodyOf(refused!)).message).toContain('shared facts per second');
  });

  it('logs every read of findings and rejections to the access log, with the ids of what was served', async () => {
    const decisions = (await recordsOn('hub.access-log', started)).map((r) => JSON.parse(r.value!.toString()));
    const educationReads = decisions.filter((d) => d.member === 'education' && d.action === 'read-findings' && d.allowed);
    expect(educationReads.length).toBeGreaterThan(0);
    expect(educationReads.every((d) => d.items.length === d.count && d.items.every((id: string) => /^[0-9a-f]{64}$/.test(id)))).toBe(true);
    expect(educationReads.some((d) => d.count > 0)).toBe(true);
    expect(decisions).toContainEqual(expect.objectContaining({ member: 'civil-affairs', action: 'read-findings', resource: 'education', allowed: false }));
    expect(decisions).toContainEqual(expect.objectContaining({ member: 'audit-office', action: 'read-findings', allowed: true }));
    expect(decisions).toContainEqual(expect.objectContaining({ member: 'education', action: 'read-rejections', allowed: true }));
  });

  it('leaves no identity number in the clear on any canonical, result, finding, dead-letter or access-log topic', async () => {
    const admin = createKafkaClient(settings).admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter(
      (topic) =>
        /^[a-z-]+\.[a-z-]+\.[a-z-]+\.v\d+$/.test(topic) ||
        /^hub\.(results|findings|inbound)\./.test(topic) ||
        topic === 'hub.access-log' ||
        topic === bed.deadLetterTopic ||
        topic === bed.findingsTopic,
    );
    await admin.disconnect();
    const scanned: string[] = [];
    const found: string[] = [];
    for (const topic of topics.filter((t) => !t.startsWith('hub.inbound.'))) {
      for (const record of await recordsOn(topic)) {
        scanned.push(topic);
        const text = `${record.key ?? ''} ${record.value?.toString('utf8') ?? ''} ${JSON.stringify(record.headers)}`;
        found.push(...identityNumbersIn(text).map((n) => `${topic}/${record.partition}/${record.offset}: ${n}`));
      }
    }
    expect(scanned.filter((t) => t === ENROLMENT).length).toBeGreaterThan(0);
    expect(scanned.filter((t) => t === bed.deadLetterTopic).length).toBeGreaterThan(0);
    expect(found).toEqual([]);
  });

  it('leaves no identity number in the clear in any of its log lines or its tables: rejected records and record keys are sealed', async () => {
    expect(bed.gateway.lines.length).toBeGreaterThan(5);
    expect(bed.gateway.lines.flatMap(identityNumbersIn)).toEqual([]);
    const rejections: { sealed_record: string | null }[] = await bed.database.query('SELECT sealed_record FROM gateway_rejection');
    expect(rejections.length).toBeGreaterThan(0);
    expect(rejections.every((row) => row.sealed_record?.startsWith('e1.'))).toBe(true);
    const tables = ['gateway_rejection', 'gateway_ingest_result', 'gateway_record_key', 'gateway_identity', 'gateway_finding', 'gateway_member', 'gateway_api_key', 'gateway_csv_mapping'];
    for (const table of tables) {
      const rows = await bed.database.query(`SELECT * FROM ${table}`);
      expect([table, identityNumbersIn(JSON.stringify(rows))]).toEqual([table, []]);
    }
  });
});
