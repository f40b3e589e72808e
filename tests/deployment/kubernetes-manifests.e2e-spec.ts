import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { findProjectRoot } from '@hub/local-infra';
import { ensureManifestValidator, type ManifestValidator } from './manifest-validator.js';

const run = promisify(execFile);
const root = findProjectRoot();

/** The Secrets and ConfigMaps an object names: a pod's env and volumes, CloudNativePG's role and bootstrap secrets. */
function namesReferenced(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(namesReferenced);
  if (typeof value !== 'object' || value === null) return [];
  const object = value as Record<string, unknown>;
  const own: string[] = [];
  for (const key of ['secretKeyRef', 'configMapKeyRef', 'configMap', 'passwordSecret']) {
    const name = (object[key] as { name?: string } | undefined)?.name;
    if (name) own.push(name);
  }
  if (typeof object['secretName'] === 'string') own.push(object['secretName']);
  const initdbSecret = (object['initdb'] as { secret?: { name?: string } } | undefined)?.secret?.name;
  if (initdbSecret) own.push(initdbSecret);
  return [...own, ...Object.values(object).flatMap(namesReferenced)];
}

interface KubernetesObject {
  kind: string;
  metadata: { name: string };
  spec?: unknown;
}

/**
 * Issue 25: the manifests a platform team applies with `kubectl apply -k deploy/kubernetes`, checked
 * as that command would build them (kustomize, with the secrets `npx hub deploy secrets` makes) and
 * against the Kubernetes, Strimzi and CloudNativePG schemas (kubeconform), since no cluster runs here.
 */
describe('the Kubernetes deployment (deploy/kubernetes)', () => {
  let validator: ManifestValidator;
  let folder: string;
  let built: string;
  let objects: KubernetesObject[];

  beforeAll(async () => {
    validator = await ensureManifestValidator(root, (line) => process.stdout.write(`${line}\n`));
    folder = mkdtempSync(join(tmpdir(), 'hub-kubernetes-'));
    cpSync(join(root, 'deploy', 'kubernetes'), folder, { recursive: true, filter: (source) => !source.includes(join('deploy', 'kubernetes', 'secrets')) });
    await run(process.execPath, [join(root, 'apps', 'cli', 'bin', 'hub.js'), 'deploy', 'secrets', '--out', join(folder, 'secrets')]);
    built = (await run(validator.kustomize, ['build', folder], { maxBuffer: 1 << 26 })).stdout;
    objects = parseAllDocuments(built).map((document) => document.toJS() as KubernetesObject);
  }, 600_000);

  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const kubeconformOn = async (text: string) => {
    const file = join(folder, 'check.yaml');
    writeFileSync(file, text);
    return run(validator.kubeconform, ['-strict', '-summary', '-schema-location', join(validator.schemas, '{{ .ResourceKind }}{{ .KindSuffix }}.json'), file]).then(
      ({ stdout }) => ({ passed: true, stdout }),
      // kubeconform exits 1 when a resource is invalid; what it printed says which and why.
      (error: unknown) => ({ passed: false, stdout: (error as { stdout?: string }).stdout ?? '' }),
    );
  };

  it('builds with kustomize, as kubectl apply -k does, once the secrets are made', () => {
    const kinds = new Set(objects.map((object) => object.kind));
    for (const kind of ['Namespace', 'Kafka', 'KafkaNodePool', 'KafkaTopic', 'KafkaUser', 'Cluster', 'Job', 'Deployment', 'Service', 'PodDisruptionBudget', 'NetworkPolicy', 'Secret', 'ConfigMap']) {
      expect(kinds).toContain(kind);
    }
  });

  it('is valid, every object, against the Kubernetes, Strimzi and CloudNativePG schemas (kubeconform -strict, no kind skipped)', async () => {
    const result = await kubeconformOn(built);
    expect(result.stdout).toMatch(new RegExp(`Summary: ${objects.length} resources found in 1 file - Valid: ${objects.length}, Invalid: 0, Errors: 0, Skipped: 0`));
    expect(result.passed).toBe(true);
  });

  it('is refused by the same check when a field is misspelt (the check can fail)', async () => {
    const result = await kubeconformOn(built.replace('readinessProbe:', 'readynessProbe:'));
    expect(result.passed).toBe(false);
    expect(result.stdout).toMatch(/readynessProbe/);
  });

  it('is refused when a Strimzi resource breaks its CRD (an ACL operation Kafka does not have)', async () => {
    const result = await kubeconformOn(built.replace(/- Describe\n/, '- Peek\n'));
    expect(result.passed).toBe(false);
    expect(result.stdout).toMatch(/KafkaUser/);
  });

  it('gives every app several instances with readiness and liveness probes, resource requests and a disruption budget', () => {
    const deployments = objects.filter((object) => object.kind === 'Deployment') as unknown as {
      metadata: { name: string };
      spec: { replicas: number; template: { spec: { containers: { readinessProbe?: unknown; livenessProbe?: unknown; resources?: { requests?: unknown } }[] } } };
    }[];
    expect(deployments.map((deployment) => deployment.metadata.name).sort()).toEqual(['hub-audit', 'hub-console', 'hub-crosscheck', 'hub-gateway', 'hub-registry']);
    const budgets = new Set(objects.filter((object) => object.kind === 'PodDisruptionBudget').map((object) => object.metadata.name));
    for (const deployment of deployments) {
      expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
      const [container] = deployment.spec.template.spec.containers;
      expect(container?.readinessProbe).toBeDefined();
      expect(container?.livenessProbe).toBeDefined();
      expect(container?.resources?.requests).toBeDefined();
      expect(budgets).toContain(deployment.metadata.name);
    }
  });

  it('references only Secrets and ConfigMaps the kustomization makes or the operators make (Strimzi: users and CA; CloudNativePG: CA)', () => {
    const made = new Set(objects.filter((object) => object.kind === 'Secret' || object.kind === 'ConfigMap').map((object) => object.metadata.name));
    const byOperators = new Set([...objects.filter((object) => object.kind === 'KafkaUser').map((object) => object.metadata.name), 'hub-kafka-cluster-ca-cert', 'hub-postgres-ca']);
    const referenced = objects.flatMap((object) => namesReferenced(object));
    expect(referenced.length).toBeGreaterThan(20);
    expect(referenced.filter((name) => !made.has(name) && !byOperators.has(name))).toEqual([]);
  });

  it('keeps no secret in the repository: the kustomization reads them from the secrets folder, which git ignores', () => {
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toMatch(/^deploy\/kubernetes\/secrets\/$/m);
  });
});
