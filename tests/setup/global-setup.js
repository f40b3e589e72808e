// Jest loads its global setup without its module mapper, so this uses the built test infra
// (npm test builds dist/ first); the logic is in test-infra.ts.
import { startTestInfra } from '../../dist/tests/setup/test-infra.js';

export default startTestInfra;
