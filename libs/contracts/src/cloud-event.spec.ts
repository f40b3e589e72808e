import { CloudEvent as SdkCloudEvent, Kafka, type KafkaMessage } from 'cloudevents';
import { EnvelopeError, fromKafkaBinary, toKafkaBinary, type CloudEvent } from './cloud-event.js';

const event: CloudEvent = {
  specversion: '1.0',
  id: 'ca-2026-000123',
  source: '/departments/civil-affairs',
  type: 'civil-affairs.household-status.changed.v1',
  time: '2026-03-01T08:00:00.000Z',
  subject: 'hh-5d41402abc4b2a76',
  dataschema: 'urn:nx-hub:contract:civil-affairs.household-status.changed:v1',
  datacontenttype: 'application/json',
  data: { householdNumber: '640104-000123', category: 'dibao', change: 'granted' },
  extensions: { correlationid: 'corr-1' },
};

describe('the CloudEvents Kafka binary envelope', () => {
  it('puts attributes in ce_ headers, the content type in content-type, the data in the value and the key', () => {
    const message = toKafkaBinary(event, 'hh-5d41402abc4b2a76');
    expect(message.key).toBe('hh-5d41402abc4b2a76');
    expect(message.headers).toMatchObject({ ce_id: 'ca-2026-000123', ce_specversion: '1.0', ce_correlationid: 'corr-1', 'content-type': 'application/json' });
    expect(JSON.parse(message.value!.toString())).toEqual(event.data);
  });

  it('reads back what it writes', () => {
    const back = fromKafkaBinary(toKafkaBinary(event, 'hh-5d41402abc4b2a76'));
    expect(back).toEqual({ ...event, extensions: { correlationid: 'corr-1', partitionkey: 'hh-5d41402abc4b2a76' } });
  });

  it('is read by the official cloudevents SDK as the same event', () => {
    const message = toKafkaBinary(event, 'hh-5d41402abc4b2a76');
    const kafkaMessage: KafkaMessage<string> = { key: message.key!, value: message.value!.toString(), body: message.value!.toString(), headers: message.headers };
    const read = Kafka.toEvent(kafkaMessage) as SdkCloudEvent<unknown>;
    expect(read).toMatchObject({
      id: event.id,
      source: event.source,
      type: event.type,
      time: event.time,
      subject: event.subject,
      dataschema: event.dataschema,
      correlationid: 'corr-1',
      partitionkey: 'hh-5d41402abc4b2a76',
    });
    expect(read.data).toEqual(event.data);
  });

  it('reads what the official cloudevents SDK writes', () => {
    const { extensions, ...attributes } = event;
    const sdkEvent = new SdkCloudEvent({ ...attributes, ...extensions, partitionkey: 'hh-1' });
    const message = Kafka.binary(sdkEvent);
    const headers = Object.fromEntries(
      Object.entries(message.headers)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    const value = Buffer.from(typeof message.value === 'string' ? message.value : JSON.stringify(message.value));
    const read = fromKafkaBinary({ key: message.key === undefined ? null : String(message.key), value, headers });
    expect(read).toMatchObject({ id: event.id, source: event.source, type: event.type, subject: event.subject, dataschema: event.dataschema, data: event.data });
    expect(read.extensions).toMatchObject({ correlationid: 'corr-1', partitionkey: 'hh-1' });
  });

  it('names the missing required attribute', () => {
    const message = toKafkaBinary(event, null);
    delete message.headers['ce_source'];
    expect(() => fromKafkaBinary(message)).toThrow(new EnvelopeError('source', 'is missing (header ce_source)'));
  });

  it('rejects data that is not the JSON its content type claims', () => {
    const message = { ...toKafkaBinary(event, null), value: Buffer.from('{not json') };
    expect(() => fromKafkaBinary(message)).toThrow(/attribute "data" is not valid JSON/);
  });

  it('rejects an extension name CloudEvents does not allow', () => {
    expect(() => toKafkaBinary({ ...event, extensions: { 'Correlation-Id': 'x' } }, null)).toThrow(EnvelopeError);
  });
});
