import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { InboundRecord } from '../inbound-record.js';
import type { OutboundRecord } from '../outbound-record.js';

/** The header that carries a record's signature: `<key id>:<base64 Ed25519 signature>`. */
export const SIGNATURE_HEADER = 'hub-signature';
const DOMAIN = Buffer.from('hub-signed-record-v1\0');

/** A key's id: the first 16 hex digits of the SHA-256 of its public key (SPKI DER). */
const keyIdOf = (key: KeyObject) =>
  createHash('sha256')
    .update((key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);

const part = (bytes: Buffer | null) => {
  const length = Buffer.alloc(4);
  length.writeInt32BE(bytes === null ? -1 : bytes.length);
  return bytes === null ? [length] : [length, bytes];
};

/** What a signature covers: the topic, the key and the value (a record moved to another topic no longer verifies). */
function signedBytes(topic: string, key: Buffer | null, value: Buffer | null): Buffer {
  return Buffer.concat([DOMAIN, ...part(Buffer.from(topic, 'utf8')), ...part(key), ...part(value)]);
}

const bytesOf = (value: string | Buffer | null | undefined) => (value === null || value === undefined ? null : Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8'));

/**
 * Signs what a hub service publishes for others to trust (finding changes, contract changes), as a
 * second line behind the broker's ACLs: a record written by anyone else, even with write access to
 * the topic, does not verify (issue 19).
 */
export class RecordSigner {
  private readonly keyId: string;

  constructor(private readonly privateKey: KeyObject) {
    this.keyId = keyIdOf(privateKey);
  }

  static fromPemFile(file: string): RecordSigner {
    return new RecordSigner(createPrivateKey(readFileSync(file)));
  }

  sign(record: OutboundRecord): OutboundRecord {
    const signature = sign(null, signedBytes(record.topic, bytesOf(record.key), bytesOf(record.value)), this.privateKey).toString('base64');
    return { ...record, headers: { ...record.headers, [SIGNATURE_HEADER]: `${this.keyId}:${signature}` } };
  }
}

/** Checks records against the public keys of the service that publishes them. */
export class RecordVerifier {
  private readonly keys: Map<string, KeyObject>;

  constructor(publicKeys: readonly KeyObject[]) {
    this.keys = new Map(publicKeys.map((key) => [keyIdOf(key), key]));
  }

  static fromPemFiles(files: readonly string[]): RecordVerifier {
    return new RecordVerifier(files.map((file) => createPublicKey(readFileSync(file))));
  }

  /** Why the record is not to be trusted, or undefined when it carries a good signature of a trusted key. */
  problem(record: Pick<InboundRecord, 'topic' | 'key' | 'value' | 'headers'>): string | undefined {
    const header = record.headers[SIGNATURE_HEADER];
    if (!header) return `the record carries no ${SIGNATURE_HEADER} header: it was not published by the service that owns ${record.topic}`;
    const [keyId, signature] = header.split(':');
    const key = keyId ? this.keys.get(keyId) : undefined;
    if (!key || !signature) return `the record is signed by key ${keyId ?? '?'}, which is not trusted for ${record.topic}`;
    const key_ = record.key === null ? null : Buffer.from(record.key, 'utf8');
    const good = verify(null, signedBytes(record.topic, key_, record.value), key, Buffer.from(signature, 'base64'));
    return good ? undefined : `the record's signature does not match its content: it was changed, or signed for another topic`;
  }
}
