import ts from 'typescript';
import { pathsToModuleNameMapper } from 'ts-jest';
const { config } = ts.readConfigFile('./tsconfig.json', ts.sys.readFile);
export default {
  moduleFileExtensions: ['js', 'json', 'ts'],
  rootDir: '.',
  testRegex: '.*\\.spec\\.ts$',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  moduleNameMapper: {
    ...pathsToModuleNameMapper(config.compilerOptions.paths, { prefix: '<rootDir>/', useESM: true }),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
