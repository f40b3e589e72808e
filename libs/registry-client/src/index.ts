export { RegistryClient, RegistryRequestError, type ContractListing, type RegisteredVersion } from './registry-client.js';
