/** The most of a rejected record the gateway keeps, as JSON text: enough to see and replay any record a contract allows. */
const MAX_STORED_CHARACTERS = 64 * 1024;
/** How deep a kept record may nest; records deeper were refused before they were parsed. */
const MAX_STORED_DEPTH = 64;
/** What stands for a NUL character, which PostgreSQL's jsonb cannot hold: U+2400 SYMBOL FOR NULL. */
const NUL_STAND_IN = '\u2400';

/**
 * A rejected record as the gateway can keep it: NUL characters replaced by U+2400, unpaired
 * surrogates (which PostgreSQL's jsonb refuses) by U+FFFD, and a record
 * larger than 64 KiB of JSON kept as the start of its text with a marker
 * (`{ "truncatedByHub": true, "start": "…" }`). So a rejection is always stored, whatever was sent.
 */
export function storableRejection(value: unknown): unknown {
  const clean = withoutNul(value, 0);
  const text = JSON.stringify(clean ?? null);
  return text.length <= MAX_STORED_CHARACTERS ? (clean ?? null) : { truncatedByHub: true, originalCharacters: text.length, start: text.slice(0, MAX_STORED_CHARACTERS) };
}

function withoutNul(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return (value.includes('\u0000') ? value.replaceAll('\u0000', NUL_STAND_IN) : value).toWellFormed();
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_STORED_DEPTH) return '[nested too deep to keep]';
  if (Array.isArray(value)) return value.map((item) => withoutNul(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [withoutNul(key, depth + 1) as string, withoutNul(item, depth + 1)]));
}
