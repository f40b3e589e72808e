import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt, memory-hard (RFC 7914): N = 2^15, r = 8 takes 32 MiB and about 100 ms a guess here, the
 * parameters OWASP's password storage guidance lists for scrypt. They are stored with each hash,
 * so they can be raised later without invalidating the hashes already kept.
 */
const PARAMETERS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...options, maxmem: 256 * (options.N ?? 1) * (options.r ?? 8) }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** `scrypt$N$r$p$salt$hash` (base64): the parameters travel with the hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMETERS);
  return ['scrypt', PARAMETERS.N, PARAMETERS.r, PARAMETERS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether the password is the one hashed; a stored value that is not a hash this code wrote never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

/** What is wrong with a password a person chose (GB/T 22239-2019 8.1.4.1: complexity, and changed): empty when it will do. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  // Code points, not UTF-16 units: 山 is one character.
  if (Array.from(password).length < 10) problems.push('密码至少 10 个字符 (at least 10 characters)');
  if (CLASSES.filter((pattern) => pattern.test(password)).length < 3) problems.push('密码须含大写字母、小写字母、数字、符号中的至少三类 (three of: upper case, lower case, digits, symbols)');
  if (password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不得包含用户名 (must not contain the user name)');
  return problems;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A first password an operator hands over once: 16 characters, every class but symbols, no look-alike characters; the user must change it at first sign-in. */
export function initialPassword(): string {
  for (;;) {
    const candidate = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    if (CLASSES.slice(0, 3).every((pattern) => pattern.test(candidate))) return candidate;
  }
}
