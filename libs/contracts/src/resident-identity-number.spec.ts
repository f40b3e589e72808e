import { identityCheckCharacter, identityNumberProblem, isResidentIdentityNumber } from './resident-identity-number.js';

describe('resident identity numbers (GB 11643)', () => {
  it('accepts a number whose check character matches', () => {
    expect(isResidentIdentityNumber('11010519491231002X')).toBe(true);
    expect(isResidentIdentityNumber('640104199003070011')).toBe(identityCheckCharacter('64010419900307001') === '1');
  });

  it('computes the check character with the standard weights', () => {
    expect(identityCheckCharacter('11010519491231002')).toBe('X');
  });

  it('rejects a wrong check character', () => {
    expect(identityNumberProblem('110105194912310021')).toBe('check-character');
  });

  it('rejects a birth date that does not exist', () => {
    const first17 = '64010419900230001';
    expect(identityNumberProblem(`${first17}${identityCheckCharacter(first17)}`)).toBe('birth-date');
  });

  it('rejects a division code under no province (GB/T 2260), such as the random digits of a UUID that pass the date and check', () => {
    const first17 = '10126919850612031';
    expect(identityNumberProblem(`${first17}${identityCheckCharacter(first17)}`)).toBe('division-code');
  });

  it('accepts the residence permits of Hong Kong, Macao and Taiwan residents (810000, 820000, 830000)', () => {
    for (const division of ['810000', '820000', '830000']) {
      const first17 = `${division}19850612031`;
      expect(identityNumberProblem(`${first17}${identityCheckCharacter(first17)}`)).toBeUndefined();
    }
  });

  it('rejects the wrong length, a lower-case x and other characters', () => {
    expect(identityNumberProblem('11010519491231002')).toBe('shape');
    expect(identityNumberProblem('11010519491231002x')).toBe('shape');
    expect(identityNumberProblem('1101051949123100AX')).toBe('shape');
  });
});
