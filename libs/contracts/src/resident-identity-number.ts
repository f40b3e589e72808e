/**
 * The resident identity number (公民身份号码, GB 11643-1999): 6-digit division code, 8-digit birth
 * date, 3-digit sequence, and a check character over the first 17 digits (ISO 7064 MOD 11-2).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const SHAPE = /^([1-9]\d)\d{4}(\d{4})(\d{2})(\d{2})\d{3}[\dX]$/;
/**
 * The province-level division codes (GB/T 2260) a division code starts with, and 81–83 of the
 * residence permits of Hong Kong, Macao and Taiwan residents. Random digits (a UUID, a digest)
 * that pass the date and the check character start with none of them three times in five.
 */
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83]);

export type IdentityNumberProblem = 'shape' | 'division-code' | 'birth-date' | 'check-character';

/** The check character the first 17 digits call for. */
export function identityCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1900;
}

/** Why the text is not a valid resident identity number, or undefined when it is one. */
export function identityNumberProblem(text: string): IdentityNumberProblem | undefined {
  const match = SHAPE.exec(text);
  if (!match) return 'shape';
  if (!PROVINCES.has(Number(match[1]))) return 'division-code';
  if (!isRealDate(Number(match[2]), Number(match[3]), Number(match[4]))) return 'birth-date';
  if (identityCheckCharacter(text.slice(0, 17)) !== text[17]) return 'check-character';
  return undefined;
}

export function isResidentIdentityNumber(text: string): boolean {
  return identityNumberProblem(text) === undefined;
}
