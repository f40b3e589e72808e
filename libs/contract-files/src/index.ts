export { ContractFileError, readContractFolder, type ContractFile, type InvalidExample } from './read-contract-folder.js';
