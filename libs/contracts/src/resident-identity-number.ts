/**
 * The resident identity number (公民身份号码, GB 11643-1999): 6-digit division code, 8-digit birth
 * date, 3-digit sequence, and a check character over the first 17 digits (ISO 7064 MOD 11-2).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const SHAPE = /^[1-9]\d{5}(\d{4})(\d{2})(\d{2})\d{3}[\dX]$/;

export type IdentityNumberProblem = 'shape' | 'birth-date' | 'check-character';

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
  if (!isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) return 'birth-date';
  if (identityCheckCharacter(text.slice(0, 17)) !== text[17]) return 'check-character';
  return undefined;
}

export function isResidentIdentityNumber(text: string): boolean {
  return identityNumberProblem(text) === undefined;
}
