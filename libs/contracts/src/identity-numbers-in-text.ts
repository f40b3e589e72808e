import { identityCheckCharacter, isResidentIdentityNumber } from './resident-identity-number.js';

/** One resident identity number found in a text. */
export interface IdentityNumberInText {
  /** Where it stands in the text (UTF-16 indexes, end exclusive), separators inside included. */
  start: number;
  end: number;
  /** The number as the 18-character form: digits, upper-case X, no separators; a 15-digit one converted. */
  identityNumber: string;
  /** False for a standalone 18-character token of the shape whose date or check character is wrong: a mistyped number is still one. */
  valid: boolean;
}

/** Full-width digits and X, the ideographic space and the full-width hyphen, as their ASCII forms (each one UTF-16 unit, so indexes stay). */
function halfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF38\uFF58\u3000\uFF0D]/g, (char) => {
    const code = char.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 0x30);
    if (code === 0xff38 || code === 0xff58) return 'X';
    return code === 0x3000 ? ' ' : '-';
  });
}

const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';
const isAlphanumeric = (char: string | undefined) => char !== undefined && /[0-9A-Za-z]/.test(char);
/** The shape alone: a mistyped number standing on its own is taken as one too. */
const SHAPE = /^[1-9]\d{16}[\dX]$/;
const isSeparator = (char: string | undefined) => char === ' ' || char === '-';

/** Whether the text has the 15 digits (ASCII or full-width) the shortest identity number needs: most strings do not, and are passed over quickly. */
function hasEnoughDigits(text: string): boolean {
  if (text.length < 15) return false;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)) {
      if (++digits >= 15) return true;
    }
  }
  return false;
}

/** The 18-character form of a 15-digit number of the first generation (GB 11643-1989): century 19 added, check character computed. */
function fromFirstGeneration(digits15: string): string {
  const first17 = `${digits15.slice(0, 6)}19${digits15.slice(6)}`;
  return `${first17}${identityCheckCharacter(first17)}`;
}

/**
 * Reads up to `count` characters of an identity number from `at`: digits (the last of 18 may be X),
 * with at most one space or hyphen between two of them. Returns the characters and where they end.
 */
function readNumber(text: string, at: number, count: number): { characters: string; end: number } | undefined {
  let characters = '';
  let i = at;
  while (characters.length < count) {
    const char = text[i];
    const last = characters.length === 17 && count === 18;
    if (isDigit(char) || (last && (char === 'X' || char === 'x'))) {
      characters += char.toUpperCase();
      i++;
      continue;
    }
    if (characters.length > 0 && isSeparator(char) && (isDigit(text[i + 1]) || (last && /[Xx]/.test(text[i + 1] ?? '')))) {
      i++;
      continue;
    }
    return undefined;
  }
  return { characters, end: i };
}

/**
 * Every resident identity number in a text, wherever it stands (issue 20): inside longer tokens
 * (`G640104…`, a certificate number `640104…42`), in full-width digits, with a lower-case x, with
 * spaces or hyphens inside, and in the 15-digit form of the first generation. An 18-character one
 * counts only with a real birth date and its check character; a 15-digit one only with a real
 * birth date and no digit right before or after it (a 15-digit run inside a longer number is no
 * more than chance). An 18-character token of the shape standing on its own (no letter or digit
 * around it, no separator inside) counts even with a wrong date or check character (`valid: false`):
 * a mistyped identity number is personal data all the same.
 */
export function findIdentityNumbers(text: string): IdentityNumberInText[] {
  if (!hasEnoughDigits(text)) return [];
  const normal = halfWidth(text);
  const found: IdentityNumberInText[] = [];
  let at = 0;
  while (at < normal.length) {
    if (!isDigit(normal[at]) || normal[at] === '0') {
      at++;
      continue;
    }
    const long = readNumber(normal, at, 18);
    if (long && isResidentIdentityNumber(long.characters)) {
      found.push({ start: at, end: long.end, identityNumber: long.characters, valid: true });
      at = long.end;
      continue;
    }
    const standalone = long && long.end - at === 18 && SHAPE.test(long.characters) && !isAlphanumeric(normal[at - 1]) && !isAlphanumeric(normal[long.end]);
    if (standalone) {
      found.push({ start: at, end: long.end, identityNumber: long.characters, valid: false });
      at = long.end;
      continue;
    }
    const short = isDigit(normal[at - 1]) ? undefined : readNumber(normal, at, 15);
    if (short && !isDigit(normal[short.end]) && isResidentIdentityNumber(fromFirstGeneration(short.characters))) {
      found.push({ start: at, end: short.end, identityNumber: fromFirstGeneration(short.characters), valid: true });
      at = short.end;
      continue;
    }
    at++;
  }
  return found;
}

/** The text with each identity number in it replaced (see findIdentityNumbers). */
export function replaceIdentityNumbers(text: string, replace: (identityNumber: string) => string): string {
  const found = findIdentityNumbers(text);
  if (found.length === 0) return text;
  let result = '';
  let from = 0;
  for (const { start, end, identityNumber } of found) {
    result += text.slice(from, start) + replace(identityNumber);
    from = end;
  }
  return result + text.slice(from);
}

/** Masks identity numbers in free text (for log lines and error messages). */
export function scrubIdentityNumbers(text: string, mask = '[ID-REDACTED]'): string {
  return replaceIdentityNumbers(text, () => mask);
}
