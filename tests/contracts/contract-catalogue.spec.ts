import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE_FILE, contractCatalogueSource } from '@hub/contract-files';
import { findProjectRoot } from '@hub/local-infra';
import { standardContracts } from '../support/standard-contracts.js';

describe('the generated catalogue of the standard contracts', () => {
  it(`is what contracts/ gives today (if not: npm run generate, which rewrites ${CATALOGUE_FILE})`, async () => {
    const committed = readFileSync(join(findProjectRoot(), CATALOGUE_FILE), 'utf8');
    expect(committed).toBe(await contractCatalogueSource(standardContracts()));
  });
});
