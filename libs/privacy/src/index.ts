export { pseudonymiseDocument, type NamedPerson, type PseudonymisedDocument, type Replacement } from './document-pseudonymiser.js';
export { EnvelopeCipher, SealedDataError } from './envelope-cipher.js';
export { maskIdentityNumbers, pseudonymiseIdentityNumbers } from './identity-numbers-in-values.js';
export { Pseudonymiser, type PseudonymDomain } from './pseudonymiser.js';
export { KeyRingError, VersionedKeyRing, type VersionedKey } from './versioned-key-ring.js';
