import { apiKeyId, apiKeyMatches, issueApiKey } from './api-key.js';

describe('API keys', () => {
  it('are issued with an id to look them up and a hash that does not contain the secret', () => {
    const key = issueApiKey();
    expect(key.plaintext).toMatch(/^hub_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(apiKeyId(key.plaintext)).toBe(key.keyId);
    expect(key.hash).toMatch(/^[0-9a-f]{64}$/);
    const secret = key.plaintext.slice(`hub_${key.keyId}_`.length);
    expect(secret).toHaveLength(43);
    expect(key.hash).not.toContain(secret);
  });

  it('match only the key they were issued for', () => {
    const key = issueApiKey();
    expect(apiKeyMatches(key.plaintext, key.hash)).toBe(true);
    expect(apiKeyMatches(issueApiKey().plaintext, key.hash)).toBe(false);
    expect(apiKeyMatches(`${key.plaintext}x`, key.hash)).toBe(false);
  });

  it('are never two alike', () => {
    const keys = new Set(Array.from({ length: 200 }, () => issueApiKey().plaintext));
    expect(keys.size).toBe(200);
  });

  it('refuse to yield an id for text that is not shaped like a key', () => {
    expect(apiKeyId('Bearer something')).toBeUndefined();
  });
});
