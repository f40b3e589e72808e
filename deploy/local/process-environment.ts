/** The secrets the local launcher hands out; each process gets only the ones it uses (issue 19). */
export const SECRET_SETTINGS = [
  'DATABASE_URL',
  'AUDIT_DATABASE_URL',
  'PSEUDONYM_KEYS',
  'ENVELOPE_KEYS',
  'AUDIT_STORE_KEYS',
  'AUDIT_SIGNING_KEY_FILE',
  'SIGNING_KEY_FILE',
  'HUB_API_KEY',
  'KAFKA_SASL_PASSWORD',
  'CONSOLE_KEYS',
] as const;
export type SecretSetting = (typeof SECRET_SETTINGS)[number];

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
