export { decidePublish, decideRead, type AccessAction, type AccessDecision } from './access-decision.js';
export { apiKeyId, apiKeyMatches, issueApiKey, type IssuedApiKey } from './api-key.js';
export { RateLimiter, type RateDecision } from './rate-limiter.js';
export { projectFact, sharedFactsOf, type SharedFact } from './shared-fact.js';
export { sharedWith, sharingRuleProblems, sharingRulesOf, type SharingRule } from './sharing-rule.js';
