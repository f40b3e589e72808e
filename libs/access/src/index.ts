export { decidePublish, decideRead, type AccessAction, type AccessDecision, type GatewayAction, type ReadAction, type RegistryAction } from './access-decision.js';
export { CONSOLE_ACTIONS, type ConsoleAction } from './console-action.js';
export { decideReveal, type RevealRequest } from './reveal-decision.js';
export { apiKeyId, apiKeyMatches, issueApiKey, type IssuedApiKey } from './api-key.js';
export { applyToBucket, BURST_SECONDS, type BucketOperation, type RateDecision, type TokenBucket } from './token-bucket.js';
export { projectFact, sharedFactsOf, type SharedFact } from './shared-fact.js';
export { sharedWith, sharingRuleProblems, sharingRulesOf, type SharingRule } from './sharing-rule.js';
export { MEMBER_ROLES, type Caller, type MemberRole } from './member-role.js';
export { decideCompatibilityChange, decideRegistration, decideRegistryAction, decideRegistryRead, type RegistrationRequest } from './registry-access.js';
export {
  HUB_SERVICES,
  memberPermissions,
  servicePermissions,
  servicePermissionsForDepartment,
  servicePrincipal,
  type HubService,
  type KafkaOperation,
  type KafkaPermission,
} from './kafka-permissions.js';
