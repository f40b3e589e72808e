import { VersionedKeyRing } from './versioned-key-ring.js';
import { Pseudonymiser } from './pseudonymiser.js';

const secret = (fill: number) => Buffer.alloc(32, fill);
const ID = '640104198506120314';

describe('Pseudonymiser', () => {
  const v1 = new Pseudonymiser(new VersionedKeyRing([{ version: 1, secret: secret(1) }]));

  it('gives the same identifier the same pseudonym, with its key version and domain', () => {
    const pseudonym = v1.pseudonymise('person', ID);
    expect(pseudonym).toBe(v1.pseudonymise('person', ID));
    expect(pseudonym).toMatch(/^p1\.person\.[A-Za-z0-9_-]{43}$/);
    expect(pseudonym).not.toContain(ID);
    expect(Pseudonymiser.isPseudonym(pseudonym)).toBe(true);
    expect(Pseudonymiser.keyVersionOf(pseudonym)).toBe(1);
  });

  it('keeps domains apart: the same text is another pseudonym in another domain', () => {
    expect(v1.pseudonymise('person', ID)).not.toBe(v1.pseudonymise('civil-affairs-household-number', ID).replace('civil-affairs-household-number', 'person'));
  });

  it('depends on the secret: another key gives another pseudonym', () => {
    const other = new Pseudonymiser(new VersionedKeyRing([{ version: 1, secret: secret(2) }]));
    expect(other.pseudonymise('person', ID)).not.toBe(v1.pseudonymise('person', ID));
  });

  it('uses the newest key for new pseudonyms and can still make those of an older key', () => {
    const rotated = new Pseudonymiser(
      new VersionedKeyRing([
        { version: 1, secret: secret(1) },
        { version: 2, secret: secret(2) },
      ]),
    );
    expect(rotated.pseudonymise('person', ID)).toMatch(/^p2\./);
    expect(rotated.pseudonymise('person', ID, 1)).toBe(v1.pseudonymise('person', ID));
  });

  it('refuses a domain that would break the pseudonym format', () => {
    expect(() => v1.pseudonymise('Person.X', ID)).toThrow(/lower-case letters, digits and dashes/);
  });
});

describe('VersionedKeyRing', () => {
  it('parses versioned base64 secrets', () => {
    const ring = VersionedKeyRing.parse(`1:${secret(1).toString('base64')}, 3:${secret(3).toString('base64')}`);
    expect(ring.current).toBe(3);
    expect(ring.secret(1)).toEqual(secret(1));
  });

  it('refuses short secrets, duplicate versions and malformed entries, saying which', () => {
    expect(() => VersionedKeyRing.parse(`1:${Buffer.alloc(8).toString('base64')}`)).toThrow('key version 1 is 8 bytes; at least 32 are needed');
    expect(
      () =>
        new VersionedKeyRing([
          { version: 1, secret: secret(1) },
          { version: 1, secret: secret(2) },
        ]),
    ).toThrow('two keys share a version');
    expect(() => VersionedKeyRing.parse('one-key')).toThrow('key entry 1 is not <version>:<base64 secret>');
    expect(() => VersionedKeyRing.parse('')).toThrow('at least one key');
  });
});
