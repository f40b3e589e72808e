import { KEY_RINGS, SIGNING_KEYS } from '../secret-settings.js';
import { DATABASE_ROLES, secretFiles } from '../deployment-secrets.js';
import { keyRingSecret, PUBLIC_KEYS_CONFIG_MAP, signingKeySecret } from './app-workloads.js';
import { HUB_IMAGE, HUB_NAMESPACE } from './manifest.js';
import { databaseRoleSecret } from './postgres-cluster.js';

/** The folder, beside kustomization.yaml, that `npx hub deploy secrets` fills; never committed. */
export const SECRETS_FOLDER = 'secrets';

/**
 * The Kustomization `kubectl apply -k` reads: every rendered file, the image to pull, and the
 * Secrets made from the secrets folder (without a name suffix: the Strimzi and CloudNativePG
 * resources name them, and kustomize rewrites only the built-in kinds' references).
 */
export function kustomization(resources: readonly string[], imageVersion: string): Record<string, unknown> {
  const file = (name: string) => `${SECRETS_FOLDER}/${name}`;
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace: HUB_NAMESPACE,
    resources,
    images: [{ name: HUB_IMAGE, newName: `registry.example.gov.cn/${HUB_IMAGE}`, newTag: imageVersion }],
    generatorOptions: { disableNameSuffixHash: true },
    secretGenerator: [
      ...KEY_RINGS.map((ring) => ({ name: keyRingSecret(ring), files: [`ring=${file(secretFiles.keyRing(ring))}`] })),
      ...SIGNING_KEYS.map((signer) => ({ name: signingKeySecret(signer), files: [`private.pem=${file(secretFiles.signingKey(signer))}`] })),
      ...DATABASE_ROLES.map((role) => ({
        name: databaseRoleSecret(role),
        type: 'kubernetes.io/basic-auth',
        literals: [`username=${role}`],
        files: [`password=${file(secretFiles.databasePassword(role))}`],
      })),
    ],
    configMapGenerator: [{ name: PUBLIC_KEYS_CONFIG_MAP, files: SIGNING_KEYS.map((signer) => `${signer}.pub.pem=${file(secretFiles.publicKey(signer))}`) }],
  };
}
