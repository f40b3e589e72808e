import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, type CipherGCM, type DecipherGCM } from 'node:crypto';
import type { VersionedKeyRing } from './versioned-key-ring.js';

export class SealedDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedDataError';
  }
}

const SEALED = /^e(\d+)\.([A-Za-z0-9_-]+)$/;
const VERSION_BYTES = 2;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Random IVs are drawn from a pool filled in one call: asking the generator for 12 bytes per value was a tenth of the gateway's time. */
const IV_POOL_BYTES = IV_BYTES * 1024;

/**
 * Personal data the hub must keep (rejected records as sent, department record keys that embed
 * identity numbers, the identity vault) sealed at rest with AES-256-GCM under the hub's envelope
 * keys, a ring apart from the pseudonym keys. A sealed value is `e<key version>.<base64url of IV,
 * tag and ciphertext>`; the context (e.g. the member it belongs to) is bound as associated data, so
 * a value moved to another member's row no longer opens. Rotation: add a key version; new values
 * use it, older ones open until they are sealed again (needsResealing).
 */
export class EnvelopeCipher {
  private readonly aesKeys = new Map<number, Buffer>();
  private ivPool = Buffer.alloc(0);
  private ivAt = 0;

  constructor(private readonly keys: VersionedKeyRing) {}

  get currentVersion(): number {
    return this.keys.current;
  }

  seal(plaintext: string, context: string): string {
    const sealed = this.sealBytes(Buffer.from(plaintext, 'utf8'), context);
    return `e${sealed.readUInt16BE(0)}.${sealed.subarray(VERSION_BYTES).toString('base64url')}`;
  }

  /** @throws SealedDataError when the value is not sealed, its key is gone, or it was sealed for another context or altered. */
  open(sealed: string, context: string): string {
    const match = SEALED.exec(sealed);
    if (!match) throw new SealedDataError('the value is not sealed by the hub');
    const body = Buffer.from(match[2], 'base64url');
    const bytes = Buffer.allocUnsafe(VERSION_BYTES + body.length);
    bytes.writeUInt16BE(Math.min(Number(match[1]), 0xffff), 0);
    body.copy(bytes, VERSION_BYTES);
    return this.openBytes(bytes, context).toString('utf8');
  }

  /** Bytes sealed as bytes (key version as uint16, IV, tag, ciphertext), for values that are not text (the audit store's records). */
  sealBytes(plaintext: Buffer, context: string): Buffer {
    const iv = this.nextIv();
    const cipher: CipherGCM = createCipheriv('aes-256-gcm', this.aesKey(this.keys.current), iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const header = Buffer.allocUnsafe(VERSION_BYTES);
    header.writeUInt16BE(this.keys.current, 0);
    const body = [cipher.update(plaintext), cipher.final()];
    return Buffer.concat([header, iv, cipher.getAuthTag(), ...body]);
  }

  /** @throws SealedDataError as `open`. */
  openBytes(sealed: Buffer, context: string): Buffer {
    if (sealed.length < VERSION_BYTES + IV_BYTES + TAG_BYTES) throw new SealedDataError('the sealed value is cut short');
    const version = sealed.readUInt16BE(0);
    const ivEnd = VERSION_BYTES + IV_BYTES;
    let decipher: DecipherGCM;
    try {
      decipher = createDecipheriv('aes-256-gcm', this.aesKey(version), sealed.subarray(VERSION_BYTES, ivEnd));
    } catch (error) {
      throw new SealedDataError(`the envelope key of version ${version} is not available (${(error as Error).message})`);
    }
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(sealed.subarray(ivEnd, ivEnd + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(ivEnd + TAG_BYTES)), decipher.final()]);
    } catch (error) {
      throw new SealedDataError(`the sealed value does not open in its context: it was altered or belongs elsewhere (${(error as Error).message})`);
    }
  }

  /** A fresh random IV (each byte of the pool is used once). */
  private nextIv(): Buffer {
    if (this.ivAt + IV_BYTES > this.ivPool.length) {
      this.ivPool = randomBytes(IV_POOL_BYTES);
      this.ivAt = 0;
    }
    const iv = this.ivPool.subarray(this.ivAt, this.ivAt + IV_BYTES);
    this.ivAt += IV_BYTES;
    return iv;
  }

  /** Whether a value was sealed with an older key version than the current one. */
  needsResealing(sealed: string): boolean {
    const match = SEALED.exec(sealed);
    return !match || Number(match[1]) !== this.keys.current;
  }

  /** The AES key of a version: HKDF-SHA-256 of its secret, so a secret longer than 32 bytes serves too. */
  private aesKey(version: number): Buffer {
    let key = this.aesKeys.get(version);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.keys.secret(version), Buffer.alloc(0), 'nx-hub envelope key', 32));
      this.aesKeys.set(version, key);
    }
    return key;
  }
}
