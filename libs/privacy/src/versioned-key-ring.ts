/** A secret of the hub (a pseudonym key, an envelope key); its version travels in every pseudonym or ciphertext made with it. */
export interface VersionedKey {
  version: number;
  /** At least 32 bytes. */
  secret: Buffer;
}

export class KeyRingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyRingError';
  }
}

/**
 * Versioned secrets: the hub's pseudonym keys, its envelope keys. New pseudonyms and ciphertexts use
 * the current (highest) version; older versions stay so that what was made with them can still be
 * recognised or read while it is re-keyed.
 */
export class VersionedKeyRing {
  private readonly keys: Map<number, Buffer>;
  readonly current: number;

  constructor(keys: readonly VersionedKey[]) {
    if (keys.length === 0) throw new KeyRingError('a key ring needs at least one key');
    for (const key of keys) {
      if (!Number.isInteger(key.version) || key.version < 1 || key.version > 0xffff) throw new KeyRingError(`key version ${key.version} is not a whole number from 1 to 65535`);
      if (key.secret.length < 32) throw new KeyRingError(`key version ${key.version} is ${key.secret.length} bytes; at least 32 are needed`);
    }
    this.keys = new Map(keys.map((key) => [key.version, key.secret]));
    if (this.keys.size !== keys.length) throw new KeyRingError('two keys share a version');
    this.current = Math.max(...this.keys.keys());
  }

  /**
   * Parses `1:<base64 secret>,2:<base64 secret>` (the form a secret store or an environment
   * variable holds). @throws KeyRingError naming the entry that is wrong.
   */
  static parse(text: string): VersionedKeyRing {
    const keys = text
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map((entry, index) => {
        const match = /^(\d+):([A-Za-z0-9+/=_-]+)$/.exec(entry);
        if (!match) throw new KeyRingError(`key entry ${index + 1} is not <version>:<base64 secret>`);
        return { version: Number(match[1]), secret: Buffer.from(match[2], 'base64') };
      });
    return new VersionedKeyRing(keys);
  }

  secret(version: number): Buffer {
    const secret = this.keys.get(version);
    if (!secret) throw new KeyRingError(`no key of the ring has version ${version}`);
    return secret;
  }
}
