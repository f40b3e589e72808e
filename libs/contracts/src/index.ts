export {
  CLASSIFICATION_KEYWORD,
  CLASSIFICATIONS,
  CONTRACT_KEYWORD,
  type Classification,
  type ContractBinding,
  type JsonSchema,
} from './contract-annotations.js';
export { EnvelopeError, fromKafkaBinary, toKafkaBinary, type CloudEvent, type KafkaBinaryMessage } from './cloud-event.js';
export { ContractSchemaError, ContractValidator, type ContractViolation, type ValidationResult } from './contract-validator.js';
export { classifiedFields, unclassifiedFields, type ClassifiedField } from './field-classification.js';
export { identityNumberProblem, isResidentIdentityNumber, type IdentityNumberProblem } from './resident-identity-number.js';
