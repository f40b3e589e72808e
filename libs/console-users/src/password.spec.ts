import { hashPassword, initialPassword, passwordProblems, verifyPassword } from './password.js';

describe('console passwords', () => {
  it('are kept as a salted scrypt hash that verifies the password and no other', async () => {
    const stored = await hashPassword('Qilian-2026-山');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('Qilian');
    expect([await verifyPassword('Qilian-2026-山', stored), await verifyPassword('Qilian-2026-川', stored)]).toEqual([true, false]);
  });

  it('hash to a different value each time (a salt per hash)', async () => {
    expect(await hashPassword('Same-Password-1')).not.toBe(await hashPassword('Same-Password-1'));
  });

  it('never match a stored value that is not a hash this code wrote', async () => {
    expect(await verifyPassword('anything', 'plain-text')).toBe(false);
  });

  it('chosen by a person need 10 characters, three kinds of character, and not the user name (GB/T 22239-2019 8.1.4.1)', () => {
    expect(passwordProblems('Short1!', 'zhangmin')).toEqual(['密码至少 10 个字符 (at least 10 characters)']);
    expect(passwordProblems('alllowercaseletters', 'zhangmin')).toHaveLength(1);
    expect(passwordProblems('Zhangmin-2026', 'zhangmin')).toEqual(['密码不得包含用户名 (must not contain the user name)']);
    expect(passwordProblems('Helan-Mountain-7', 'zhangmin')).toEqual([]);
  });

  it('handed over by an operator are 16 characters that pass the same rules', () => {
    const passwords = Array.from({ length: 50 }, initialPassword);
    expect(passwords.every((password) => password.length === 16 && passwordProblems(password, 'zhangmin').length === 0)).toBe(true);
    expect(new Set(passwords).size).toBe(50);
  });
});
