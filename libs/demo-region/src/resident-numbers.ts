import { identityCheckCharacter } from '@hub/contracts';

/**
 * Hands out valid resident identity numbers (GB 11643), unique per division and birth date by a
 * sequence counter. Memory is bounded by divisions × days, not by the number of residents.
 */
export class ResidentNumbers {
  private readonly sequences = new Map<string, number>();

  next(region: string, birthDate: string): string {
    const key = `${region}${birthDate.replace(/-/g, '')}`;
    const sequence = (this.sequences.get(key) ?? 0) + 1;
    if (sequence > 999) throw new RangeError(`more than 999 residents of ${region} born on ${birthDate}`);
    this.sequences.set(key, sequence);
    const first17 = `${key}${String(sequence).padStart(3, '0')}`;
    return first17 + identityCheckCharacter(first17);
  }
}
