export { RegistryClient, RegistryRequestError, type ContractListing, type RegisteredVersion, type SampleCheckReport } from './registry-client.js';
