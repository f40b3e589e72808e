export { ContractFileError, readContractFolder, type ContractFile, type InvalidExample } from './read-contract-folder.js';
export { CATALOGUE_FILE, contractCatalogueSource } from './contract-catalogue.js';
