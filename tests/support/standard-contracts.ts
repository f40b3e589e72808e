import { join } from 'node:path';
import { readContractFolder, type ContractFile } from '@hub/contract-files';
import { findProjectRoot } from '@hub/local-infra';

/** The standard contracts in the repository's contracts/ folder. */
export function standardContracts(): ContractFile[] {
  return readContractFolder(join(findProjectRoot(), 'contracts'));
}
