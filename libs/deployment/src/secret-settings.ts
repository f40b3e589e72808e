/** The settings that hold secrets; a process is given only the ones it uses (issue 19), locally and in a cluster alike. */
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

/** The key rings a hub keeps (`<version>:<base64 of 32 bytes>[,…]`), each its own secret. */
export const KEY_RINGS = ['pseudonym-keys', 'envelope-keys', 'audit-store-keys', 'console-keys'] as const;
export type KeyRing = (typeof KEY_RINGS)[number];

/** The setting each key ring is given in. */
export const KEY_RING_SETTINGS: Record<KeyRing, SecretSetting> = {
  'pseudonym-keys': 'PSEUDONYM_KEYS',
  'envelope-keys': 'ENVELOPE_KEYS',
  'audit-store-keys': 'AUDIT_STORE_KEYS',
  'console-keys': 'CONSOLE_KEYS',
};

/** The Ed25519 keys the hub signs with: the registry its contract changes, the crosscheck its finding changes, the audit its checkpoints. */
export const SIGNING_KEYS = ['registry', 'crosscheck', 'audit'] as const;
export type SigningKey = (typeof SIGNING_KEYS)[number];
