/**
 * One copy of each text that recurs. A replay holds every fact of a region in memory, and most of
 * their texts (persons, households, terms, dates, kinds, departments, event types) recur: each
 * parsed record would otherwise keep copies of its own.
 */
export class TextPool {
  private readonly texts = new Map<string, string>();

  intern(text: string): string {
    const kept = this.texts.get(text);
    if (kept !== undefined) return kept;
    this.texts.set(text, text);
    return text;
  }
}
