import { SECRETS_FOLDER } from '@hub/deployment';
import { SECRETS_SUBFOLDER } from '../../apps/cli/src/deploy/deploy.commands.js';

describe('npx hub deploy', () => {
  it('makes the secrets where the kustomization reads them (the command loads libs/deployment only when run)', () => {
    expect(SECRETS_SUBFOLDER).toBe(SECRETS_FOLDER);
  });
});
