import { randomInt } from 'node:crypto';
import { identityCheckCharacter } from '@hub/contracts';

/**
 * A valid resident identity number no other test uses (random birth date and sequence in 银川兴庆区),
 * so scenarios on the shared canonical topics never meet each other's persons. Sequences are from
 * 500 up, clear of the synthetic region's, which count up from 001 per division and day.
 */
export function freshIdentityNumber(born = { from: 2008, to: 2020 }): string {
  const day = new Date(Date.UTC(born.from, 0, 1) + randomInt(0, (born.to - born.from) * 365) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `640104${day}${String(randomInt(500, 1000)).padStart(3, '0')}`;
  return first17 + identityCheckCharacter(first17);
}
