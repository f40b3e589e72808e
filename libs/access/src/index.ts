export { decidePublish, decideRead, type AccessAction, type AccessDecision } from './access-decision.js';
export { apiKeyId, apiKeyMatches, issueApiKey, type IssuedApiKey } from './api-key.js';
export { RateLimiter, type RateDecision } from './rate-limiter.js';
