import { SECRET_SETTINGS, type SecretSetting } from '@hub/deployment';

/**
 * The environment of one process: the launcher's own settings without any secret (a secret the
 * user exported is not passed on either), plus the secrets this process uses, plus its own settings.
 */
export function processEnvironment(base: NodeJS.ProcessEnv, secrets: Partial<Record<SecretSetting, string>>, uses: readonly SecretSetting[], own: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  // Every secret left out of what the process inherits; only those it uses are given back below.
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(base).filter(([name]) => !(SECRET_SETTINGS as readonly string[]).includes(name)));
  for (const secret of uses) {
    const value = secrets[secret];
    if (value === undefined) throw new Error(`the launcher has no ${secret} to give`);
    env[secret] = value;
  }
  return { ...env, ...own };
}
