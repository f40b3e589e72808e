import { acceptedTotpStep, base32, otpauthUri, totpCode, totpStep } from './totp.js';

// RFC 6238 Appendix B: the SHA-1 seed "12345678901234567890", 8-digit codes.
const RFC_SECRET = base32(Buffer.from('12345678901234567890'));
const at = (seconds: number) => new Date(seconds * 1000);

describe('TOTP (RFC 6238)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('gives the RFC 6238 test vector at %i s: %s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, totpStep(at(seconds)), 8)).toBe(code);
  });

  it('accepts the current code, and the one a step either side (clocks drift)', () => {
    const now = at(1234567890);
    const step = totpStep(now);
    expect([step - 1, step, step + 1].map((s) => acceptedTotpStep(RFC_SECRET, totpCode(RFC_SECRET, s), now, null))).toEqual([step - 1, step, step + 1]);
  });

  it('refuses a code two steps away', () => {
    const now = at(1234567890);
    expect(acceptedTotpStep(RFC_SECRET, totpCode(RFC_SECRET, totpStep(now) - 2), now, null)).toBeUndefined();
  });

  it('accepts a code once: not again, nor an earlier one, after a step was accepted (RFC 6238 §5.2)', () => {
    const now = at(1234567890);
    const code = totpCode(RFC_SECRET, totpStep(now));
    const accepted = acceptedTotpStep(RFC_SECRET, code, now, null)!;
    expect(acceptedTotpStep(RFC_SECRET, code, now, accepted)).toBeUndefined();
    expect(acceptedTotpStep(RFC_SECRET, totpCode(RFC_SECRET, accepted - 1), now, accepted)).toBeUndefined();
  });

  it('refuses anything but six digits', () => {
    expect(['', '12345', '1234567', 'abcdef'].map((code) => acceptedTotpStep(RFC_SECRET, code, at(59), null))).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('gives the otpauth URI authenticator apps scan, with the issuer and the account', () => {
    expect(otpauthUri('JBSWY3DPEHPK3PXP', 'zhangmin')).toBe(
      'otpauth://totp/%E6%95%B0%E6%8D%AE%E5%85%B1%E4%BA%AB%E6%9E%A2%E7%BA%BD%3Azhangmin?secret=JBSWY3DPEHPK3PXP&issuer=%E6%95%B0%E6%8D%AE%E5%85%B1%E4%BA%AB%E6%9E%A2%E7%BA%BD&algorithm=SHA1&digits=6&period=30',
    );
  });
});
