// Nest 12 ships ES modules only, so jest runs in ESM mode (npm test passes --experimental-vm-modules,
// which jest's ESM support still needs on Node 24).
import ts from 'typescript';
import { pathsToModuleNameMapper } from 'ts-jest';

const { config: tsconfig } = ts.readConfigFile('./tsconfig.json', ts.sys.readFile);

const shared = {
  moduleFileExtensions: ['ts', 'js', 'json'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  moduleNameMapper: {
    ...pathsToModuleNameMapper(tsconfig.compilerOptions.paths, { prefix: '<rootDir>/', useESM: true }),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

export default {
  // One worker. The e2e suites each start processes that compute (the gateway, the crosscheck, the
  // broker, Chromium), so two workers contend for this machine's 2 cores: from a clean clone, jest
  // took 805 s with two (1f553ab's 431 s was not seen again) against 742 s with one.
  maxWorkers: 1,
  // E2E tests start processes and wait on a real broker; conditions are polled, this is only the backstop.
  testTimeout: 120_000,
  // The test infrastructure is stopped in global teardown; a client some suite leaked would keep
  // reconnecting to it and hold the run open, so the run ends when the last suite has.
  forceExit: true,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/tests/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/**/*.e2e-spec.ts'],
      // The fault suite (issue 25) is too long for every npm test: npm run faults runs it (HUB_FAULTS=1).
      testPathIgnorePatterns: process.env['HUB_FAULTS'] === '1' ? ['/node_modules/'] : ['/node_modules/', '<rootDir>/tests/faults/'],
      globalSetup: '<rootDir>/tests/setup/global-setup.js',
      globalTeardown: '<rootDir>/tests/setup/global-teardown.js',
    },
  ],
};
