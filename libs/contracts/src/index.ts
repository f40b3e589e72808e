export {
  CLASSIFICATION_KEYWORD,
  CLASSIFICATIONS,
  CONTRACT_KEYWORD,
  DERIVED_KEYWORD,
  SHARING_KEYWORD,
  type Classification,
  type ContractBinding,
  type JsonSchema,
} from './contract-annotations.js';
export { bindingProblems } from './binding-problems.js';
export { contractBinding } from './contract-binding.js';
export { canonicalForm, PSEUDONYM_PATTERN } from './canonical-form.js';
export { EnvelopeError, fromKafkaBinary, toKafkaBinary, type CloudEvent, type KafkaBinaryMessage } from './cloud-event.js';
export { ContractSchemaError, ContractValidator, type ContractViolation, type ValidationResult } from './contract-validator.js';
export { classifiedFields, unclassifiedFields, type ClassifiedField } from './field-classification.js';
export { identityCheckCharacter, identityNumberProblem, isResidentIdentityNumber, type IdentityNumberProblem } from './resident-identity-number.js';
export { findIdentityNumbers, replaceIdentityNumbers, scrubIdentityNumbers, type IdentityNumberInText } from './identity-numbers-in-text.js';
export { checkCompatibility, type CompatibilityVerdict, type Incompatibility, type VersionedSchema } from './compatibility/check-compatibility.js';
export { COMPATIBILITY_MODES, isCompatibilityMode, type CompatibilityMode } from './compatibility/compatibility-mode.js';
export { diffSchemas } from './compatibility/diff-schemas.js';
export { governedChanges, type GovernedChange } from './compatibility/governed-changes.js';
export { DIFFERENCE_KINDS, type DifferenceEffect, type DifferenceKind, type SchemaDifference } from './compatibility/schema-difference.js';
export { asyncApiDocument, type AsyncApiOptions, type PublishedContract } from './asyncapi/asyncapi-document.js';
export { SCHEMA_LIMITS, schemaShapeProblem } from './schema-shape.js';
export { deriveFrom, derivedFields, schoolEntryYear, DERIVATIONS, type Derivation } from './derived-fields.js';
export { EVENT_TYPES, type DepartmentRecords, type EventType } from './generated/standard-contracts.js';
