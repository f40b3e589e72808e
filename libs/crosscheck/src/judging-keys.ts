/** A person's key among the keys a batch holds while it judges (JudgingLocks). */
export const personJudgingKey = (person: string): string => `person:${person}`;

/** What a batch holds while it judges: the persons, and the households its facts are about (their members may not all be known yet). */
export const judgingKeys = (persons: readonly string[], households: readonly string[]): string[] => [...persons.map(personJudgingKey), ...households.map((h) => `household:${h}`)];
