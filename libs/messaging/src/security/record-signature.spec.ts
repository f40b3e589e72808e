import { generateKeyPairSync } from 'node:crypto';
import { RecordSigner, RecordVerifier, SIGNATURE_HEADER } from './record-signature.js';

const crosscheck = generateKeyPairSync('ed25519');
const intruder = generateKeyPairSync('ed25519');
const verifier = new RecordVerifier([crosscheck.publicKey]);
const record = { topic: 'hub.finding.changed.v1', key: 'f1', value: '{"change":"raised"}' };
const received = (signed: { topic: string; key: string | null; value: string | Buffer | null; headers?: Record<string, string> }) => ({
  topic: signed.topic,
  key: signed.key,
  value: signed.value === null ? null : Buffer.from(signed.value),
  headers: signed.headers ?? {},
});

describe("signed records (issue 19: what the hub's services publish for others to trust)", () => {
  it("verify when signed by the publishing service's key", () => {
    expect(verifier.problem(received(new RecordSigner(crosscheck.privateKey).sign(record)))).toBeUndefined();
  });

  it('are refused unsigned, naming the missing header', () => {
    expect(verifier.problem(received(record))).toContain(`no ${SIGNATURE_HEADER} header`);
  });

  it('are refused when signed by another key', () => {
    expect(verifier.problem(received(new RecordSigner(intruder.privateKey).sign(record)))).toContain('not trusted');
  });

  it('are refused when the value was changed after signing', () => {
    const signed = new RecordSigner(crosscheck.privateKey).sign(record);
    expect(verifier.problem(received({ ...signed, value: '{"change":"closed"}' }))).toContain('does not match its content');
  });

  it('are refused on another topic than the one they were signed for', () => {
    const signed = new RecordSigner(crosscheck.privateKey).sign(record);
    expect(verifier.problem(received({ ...signed, topic: 'hub.findings.education' }))).toContain('does not match its content');
  });
});
