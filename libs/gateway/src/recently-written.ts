/**
 * What this gateway process wrote lately (vault entries, record keys), so that the same unchanged
 * row is not sealed and written again with every record that repeats it: a person appears in many
 * records, and sealing is the costly part. Keys are added only after their transaction committed;
 * a key not held (another process wrote it, or the set was cleared when full) is simply written
 * again, which the upserts make harmless.
 */
export class RecentlyWritten {
  private keys = new Set<string>();

  constructor(private readonly capacity = 200_000) {}

  has(key: string): boolean {
    return this.keys.has(key);
  }

  addAll(keys: Iterable<string>): void {
    for (const key of keys) {
      if (this.keys.size >= this.capacity) this.keys = new Set();
      this.keys.add(key);
    }
  }
}
