import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { PSEUDONYM_PATTERN } from '@hub/contracts';
import type { VersionedKeyRing } from './versioned-key-ring.js';

/**
 * What a pseudonym stands for. Persons are one domain for the whole hub, so every department's
 * records of one resident meet; any other identifier is pseudonymised within its own domain
 * (e.g. `education-student-number`), so it cannot be matched against another kind.
 */
export type PseudonymDomain = string;

const DOMAIN = /^[a-z0-9-]{1,60}$/;
const PSEUDONYM = new RegExp(PSEUDONYM_PATTERN);

/**
 * Keyed pseudonyms (HMAC-SHA-256 with a hub-held secret): the same identifier always gives the same
 * pseudonym under one key version, nobody without the key can compute or reverse it, and the key
 * version is part of the pseudonym: `p<version>.<domain>.<43 base64url characters>`.
 */
export class Pseudonymiser {
  /** Key objects, made once per version: HMAC with a KeyObject skips re-importing the secret each time. */
  private readonly keyObjects = new Map<number, KeyObject>();

  constructor(private readonly keys: VersionedKeyRing) {}

  pseudonymise(domain: PseudonymDomain, identifier: string, version = this.keys.current): string {
    if (!DOMAIN.test(domain)) throw new RangeError(`pseudonym domain "${domain}" must be lower-case letters, digits and dashes`);
    const mac = createHmac('sha256', this.keyObject(version)).update(domain).update('\u0000').update(identifier).digest('base64url');
    return `p${version}.${domain}.${mac}`;
  }

  private keyObject(version: number): KeyObject {
    let key = this.keyObjects.get(version);
    if (!key) {
      key = createSecretKey(this.keys.secret(version));
      this.keyObjects.set(version, key);
    }
    return key;
  }

  /** Whether the text is one of this hub's pseudonyms (of any key version), by its shape. */
  static isPseudonym(text: string): boolean {
    return PSEUDONYM.test(text);
  }

  static keyVersionOf(pseudonym: string): number | undefined {
    return PSEUDONYM.test(pseudonym) ? Number(/^p(\d+)\./.exec(pseudonym)![1]) : undefined;
  }
}
