export { RegistryClient, RegistryRequestError, type ContractListing, type RegisteredVersion, type RegistryCredential } from './registry-client.js';
