import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** Equal for schemas that differ only in key order or whitespace, so re-registering one is a no-op. */
export function schemaFingerprint(schema: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(schema)))
    .digest('hex');
}
