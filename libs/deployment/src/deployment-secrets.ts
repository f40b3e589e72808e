import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_OWNER_ROLE, SERVICE_ROLES } from '@hub/persistence';
import { KEY_RINGS, SIGNING_KEYS } from './secret-settings.js';

/** Where, under a secrets folder, each secret's file is (kustomization.yaml's generators read them). */
export const secretFiles = {
  keyRing: (ring: string) => ring,
  signingKey: (signer: string) => `${signer}-signing-key.pem`,
  publicKey: (signer: string) => `${signer}-signing-key.pub.pem`,
  databasePassword: (role: string) => `database/${role}.password`,
};

/** Every database role a cluster has: the owner and each process's. */
export const DATABASE_ROLES = [DATABASE_OWNER_ROLE, ...Object.values(SERVICE_ROLES).map((spec) => spec.role)];

function writeOnce(folder: string, file: string, content: () => string, written: string[]): void {
  const path = join(folder, file);
  if (existsSync(path)) return;
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  writeFileSync(path, content(), { mode: 0o600 });
  written.push(file);
}

/**
 * Makes the secrets a cluster needs in `folder` (readable by this user only): the key rings, the
 * Ed25519 signing keys with their public halves, and a password per database role. A file that is
 * there is kept: pseudonyms must stay the same and sealed rows open from one deployment to the
 * next. Returns the files made. Kafka passwords are not among them: Strimzi makes each user's.
 */
export function writeDeploymentSecrets(folder: string): string[] {
  const written: string[] = [];
  for (const ring of KEY_RINGS) writeOnce(folder, secretFiles.keyRing(ring), () => `1:${randomBytes(32).toString('base64')}`, written);
  for (const signer of SIGNING_KEYS) {
    if (existsSync(join(folder, secretFiles.signingKey(signer)))) continue;
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeOnce(folder, secretFiles.signingKey(signer), () => privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), written);
    writeOnce(folder, secretFiles.publicKey(signer), () => publicKey.export({ type: 'spki', format: 'pem' }).toString(), written);
  }
  // URL-safe: the apps' DATABASE_URL holds the password as it is.
  for (const role of DATABASE_ROLES) writeOnce(folder, secretFiles.databasePassword(role), () => randomBytes(24).toString('base64url'), written);
  return written;
}
