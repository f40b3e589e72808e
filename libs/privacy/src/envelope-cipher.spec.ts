import { EnvelopeCipher } from './envelope-cipher.js';
import { VersionedKeyRing } from './versioned-key-ring.js';

const ring = (...versions: number[]) => new VersionedKeyRing(versions.map((version) => ({ version, secret: Buffer.alloc(32, version) })));
const RECORD = '{"idNumber":"640104198506120314","name":"马建国"}';

describe('EnvelopeCipher', () => {
  const v1 = new EnvelopeCipher(ring(1));

  it('seals a value so that neither it nor any part of it shows, and opens it again in the same context', () => {
    const sealed = v1.seal(RECORD, 'education');
    expect(sealed).toMatch(/^e1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('640104');
    expect(v1.open(sealed, 'education')).toBe(RECORD);
  });

  it('seals the same value differently each time (a fresh IV), so equal values cannot be matched', () => {
    expect(v1.seal(RECORD, 'education')).not.toBe(v1.seal(RECORD, 'education'));
  });

  it('refuses to open a value in another context: a row moved to another member stays shut', () => {
    expect(() => v1.open(v1.seal(RECORD, 'education'), 'civil-affairs')).toThrow(/does not open in its context/);
  });

  it('refuses an altered value', () => {
    const sealed = v1.seal(RECORD, 'education');
    // Flip one bit of the ciphertext itself (changing a base64 character could land on padding bits, or leave it as it was).
    const [version, body] = sealed.split('.') as [string, string];
    const bytes = Buffer.from(body, 'base64url');
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    const altered = `${version}.${bytes.toString('base64url')}`;
    expect(altered).not.toBe(sealed);
    expect(() => v1.open(altered, 'education')).toThrow(/does not open/);
  });

  it('opens what an older key sealed after a rotation, seals with the newest, and says what needs sealing again', () => {
    const rotated = new EnvelopeCipher(ring(1, 2));
    const old = v1.seal(RECORD, 'education');
    expect(rotated.open(old, 'education')).toBe(RECORD);
    expect(rotated.needsResealing(old)).toBe(true);
    expect(rotated.seal(RECORD, 'education')).toMatch(/^e2\./);
    expect(rotated.needsResealing(rotated.seal(RECORD, 'education'))).toBe(false);
  });

  it('cannot open a value whose key version is gone (crypto-shredding)', () => {
    const sealed = new EnvelopeCipher(ring(3)).seal(RECORD, 'education');
    expect(() => v1.open(sealed, 'education')).toThrow(/envelope key of version 3 is not available/);
  });

  it('refuses text that is not sealed', () => {
    expect(() => v1.open(RECORD, 'education')).toThrow('the value is not sealed by the hub');
  });

  it('seals bytes that are not text as bytes, and opens them only in their context', () => {
    const bytes = Buffer.from([0, 255, 0xc3, 0x28, ...Buffer.from('640104198506120314')]);
    const sealed = v1.sealBytes(bytes, 'audit/t/0@7');
    expect(sealed.includes(Buffer.from('640104'))).toBe(false);
    expect(v1.openBytes(sealed, 'audit/t/0@7')).toEqual(bytes);
    expect(() => v1.openBytes(sealed, 'audit/t/0@8')).toThrow(/does not open in its context/);
  });
});
