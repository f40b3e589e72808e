const FINDING_ID = Buffer.from('"findingId"');
const ITEMS = Buffer.from('"items"');
/** Finding ids are 64 hexadecimal digits; a longer text is nobody's id, and would not fit an index entry. */
const MAX_REFERENCE_CHARACTERS = 200;

/**
 * The findings a record names, for the lineage's look-up: its `findingId` (a change announced, a
 * response) and its `items` (an access-log entry: what a read served). Read before the value is
 * sealed, as the audit store's SQL function read them from the stored value before (migration 8):
 * a value that is not a JSON object, or that cannot be read, names none, and is still recorded.
 * Only texts are ids: what else stands there names no finding.
 */
export function findingReferences(value: Buffer | null): string[] | null {
  if (value === null || (!value.includes(FINDING_ID) && !value.includes(ITEMS))) return null;
  try {
    const document: unknown = JSON.parse(value.toString('utf8'));
    if (typeof document !== 'object' || document === null || Array.isArray(document)) return null;
    const { findingId, items } = document as { findingId?: unknown; items?: unknown };
    const named = [findingId, ...(Array.isArray(items) ? (items as unknown[]) : [])].filter((item): item is string => typeof item === 'string' && item.length <= MAX_REFERENCE_CHARACTERS);
    return named.length > 0 ? named : null;
  } catch (error) {
    // Not JSON, or nested past what the parser can take.
    if (error instanceof SyntaxError || error instanceof RangeError) return null;
    throw error;
  }
}
