import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** An API key as a member holds it: `hub_<key id>_<secret>`. Only its hash is ever stored. */
export interface IssuedApiKey {
  keyId: string;
  /** Shown once, to the member; never stored or logged. */
  plaintext: string;
  /** What the hub stores: SHA-256 of the whole key (the secret is 256 random bits, so no slow hash is needed). */
  hash: string;
}

const KEY = /^hub_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

const hashOf = (plaintext: string) => createHash('sha256').update(plaintext).digest('hex');

export function issueApiKey(): IssuedApiKey {
  const keyId = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').slice(0, 12);
  const plaintext = `hub_${keyId}_${randomBytes(32).toString('base64url')}`;
  return { keyId, plaintext, hash: hashOf(plaintext) };
}

/** The key id of a presented key, to look its stored hash up; undefined when it is not shaped like a key. */
export function apiKeyId(presented: string): string | undefined {
  return KEY.exec(presented)?.[1];
}

/** Whether a presented key matches a stored hash, in constant time. */
export function apiKeyMatches(presented: string, storedHash: string): boolean {
  const given = Buffer.from(hashOf(presented), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
