import { stopTestInfra } from '../../dist/tests/setup/test-infra.js';

export default stopTestInfra;
