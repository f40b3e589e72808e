export { pseudonymiseDocument, type NamedPerson, type PseudonymisedDocument, type Replacement } from './document-pseudonymiser.js';
export { maskIdentityNumbers, pseudonymiseIdentityNumbers, scrubIdentityNumbers } from './identity-numbers-in-values.js';
export { PseudonymKeyError, PseudonymKeyRing, type PseudonymKey } from './pseudonym-key-ring.js';
export { Pseudonymiser, type PseudonymDomain } from './pseudonymiser.js';
