import { identityCheckCharacter } from './resident-identity-number.js';
import { findIdentityNumbers, replaceIdentityNumbers } from './identity-numbers-in-text.js';

const first17 = '64010419850612031';
const ID = `${first17}${identityCheckCharacter(first17)}`;
/** A number whose check character is X. */
const WITH_X = (() => {
  for (let sequence = 100; sequence < 1000; sequence++) {
    const first = `64010419850612${sequence}`;
    if (identityCheckCharacter(first) === 'X') return `${first}X`;
  }
  throw new Error('no sequence gives the check character X');
})();
const fullWidth = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const found = (text: string) => findIdentityNumbers(text).map((f) => f.identityNumber);

describe('identity numbers in text (issue 20: wherever they stand)', () => {
  it('finds one standing alone', () => {
    expect(findIdentityNumbers(`id ${ID} end`)).toEqual([{ start: 3, end: 21, identityNumber: ID, valid: true }]);
  });

  it('finds one inside a longer token: a 学籍号 G+number and a certificate number with two digits after', () => {
    expect(found(`G${ID}`)).toEqual([ID]);
    expect(found(`${ID}42`)).toEqual([ID]);
    expect(found(`AID-2026-autumn-G${ID}`)).toEqual([ID]);
  });

  it('finds one in full-width digits, and gives it in ASCII', () => {
    expect(found(`身份证号${fullWidth(ID)}`)).toEqual([ID]);
  });

  it('finds one with a lower-case x, and gives it upper-case', () => {
    expect(found(WITH_X.toLowerCase())).toEqual([WITH_X]);
  });

  it('finds one with spaces or hyphens inside', () => {
    expect(found(`${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`)).toEqual([ID]);
    expect(found(`${ID.slice(0, 6)}-${ID.slice(6, 14)}-${ID.slice(14)}`)).toEqual([ID]);
  });

  it('finds the 15-digit form of the first generation, giving the 18-character form', () => {
    const old = `${ID.slice(0, 6)}${ID.slice(8, 17)}`;
    expect(found(`旧证 ${old}`)).toEqual([ID]);
  });

  it('takes a mistyped number standing on its own as one, marked not valid', () => {
    const wrongCheck = `${first17}${identityCheckCharacter(first17) === '0' ? '1' : '0'}`;
    expect(findIdentityNumbers(`no household for ${wrongCheck} found`)).toEqual([{ start: 17, end: 35, identityNumber: wrongCheck, valid: false }]);
  });

  it('passes over numbers that are not one: a mistyped one inside a longer token, an impossible date in a token, a 15-digit run inside a longer number', () => {
    const wrongCheck = `${first17}${identityCheckCharacter(first17) === '0' ? '1' : '0'}`;
    expect(found(`G${wrongCheck}`)).toEqual([]);
    expect(found('G640104198513450314')).toEqual([]);
    expect(found(`9${ID.slice(0, 6)}${ID.slice(8, 17)}9`)).toEqual([]);
    expect(found('grant 2026-000731, amount 150000')).toEqual([]);
  });

  it('replaces each one, keeping the text around it', () => {
    expect(replaceIdentityNumbers(`G${ID} and ${fullWidth(ID)}.`, () => '[ID]')).toBe('G[ID] and [ID].');
  });
});
