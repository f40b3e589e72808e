/** A secret the hub keys its pseudonyms with; the version travels in every pseudonym it makes. */
export interface PseudonymKey {
  version: number;
  /** At least 32 bytes. */
  secret: Buffer;
}

export class PseudonymKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PseudonymKeyError';
  }
}

/**
 * The hub's pseudonym keys. New pseudonyms use the current (highest) version; older versions stay
 * so that a subject's earlier pseudonyms can still be recognised while state is re-keyed.
 */
export class PseudonymKeyRing {
  private readonly keys: Map<number, Buffer>;
  readonly current: number;

  constructor(keys: readonly PseudonymKey[]) {
    if (keys.length === 0) throw new PseudonymKeyError('a pseudonym key ring needs at least one key');
    for (const key of keys) {
      if (!Number.isInteger(key.version) || key.version < 1) throw new PseudonymKeyError(`key version ${key.version} is not a positive integer`);
      if (key.secret.length < 32) throw new PseudonymKeyError(`key version ${key.version} is ${key.secret.length} bytes; at least 32 are needed`);
    }
    this.keys = new Map(keys.map((key) => [key.version, key.secret]));
    if (this.keys.size !== keys.length) throw new PseudonymKeyError('two keys share a version');
    this.current = Math.max(...this.keys.keys());
  }

  /**
   * Parses `1:<base64 secret>,2:<base64 secret>` (the form a secret store or an environment
   * variable holds). @throws PseudonymKeyError naming the entry that is wrong.
   */
  static parse(text: string): PseudonymKeyRing {
    const keys = text
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map((entry, index) => {
        const match = /^(\d+):([A-Za-z0-9+/=_-]+)$/.exec(entry);
        if (!match) throw new PseudonymKeyError(`key entry ${index + 1} is not <version>:<base64 secret>`);
        return { version: Number(match[1]), secret: Buffer.from(match[2]!, 'base64') };
      });
    return new PseudonymKeyRing(keys);
  }

  secret(version: number): Buffer {
    const secret = this.keys.get(version);
    if (!secret) throw new PseudonymKeyError(`no pseudonym key has version ${version}`);
    return secret;
  }
}
