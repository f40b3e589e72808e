import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse, parseAllDocuments } from 'yaml';
import { hubCacheDir } from '@hub/local-infra';
import { schemasFromCrd, schemasFromOpenApi } from './kubernetes-json-schemas.js';

const run = promisify(execFile);

/**
 * The tools that check the Kubernetes manifests, each from a registry this project reaches (issue 25):
 * kustomize and kubeconform built from the Go module proxy; the Kubernetes API's OpenAPI document
 * from the k8s.io/kubernetes module; CloudNativePG's CRDs from its module; Strimzi's CRDs made by
 * Strimzi's own generator from Maven Central (it needs Java 21 or later). All kept in
 * the project's cache (hubCacheDir: manifest-validation/<key>), made once (about two minutes), keyed
 * by these versions, the pom and the schema converter.
 */
const VERSIONS = { kubeconform: 'v0.7.0', kustomize: 'v5.8.0', kubernetes: 'v1.36.3', cloudnativePg: 'v1.29.0' } as const;
/** The Strimzi kinds the manifests use, and their classes in Strimzi's API model. */
const STRIMZI_KINDS = {
  Kafka: 'io.strimzi.api.kafka.model.kafka.Kafka',
  KafkaNodePool: 'io.strimzi.api.kafka.model.nodepool.KafkaNodePool',
  KafkaTopic: 'io.strimzi.api.kafka.model.topic.KafkaTopic',
  KafkaUser: 'io.strimzi.api.kafka.model.user.KafkaUser',
};
const CLOUDNATIVE_PG_CRDS = ['postgresql.cnpg.io_clusters.yaml'];

export interface ManifestValidator {
  kustomize: string;
  kubeconform: string;
  /** The folder of JSON schemas, one per kind. */
  schemas: string;
}

const goEnvironment = (cache: string) => ({ ...process.env, GOBIN: join(cache, 'bin'), GOFLAGS: '-modcacherw', GOTOOLCHAIN: 'local' });

async function goModuleDir(module: string, version: string, cache: string): Promise<string> {
  const { stdout } = await run('go', ['mod', 'download', '-json', `${module}@${version}`], { env: goEnvironment(cache), maxBuffer: 1 << 24 });
  const { Dir, Error: error } = JSON.parse(stdout) as { Dir?: string; Error?: string };
  if (!Dir) throw new Error(`go mod download ${module}@${version}: ${error ?? 'no folder'}`);
  return Dir;
}

/** A Java of version 21 or later: Strimzi 1.x's generator is built for it (the machine's default may be 17). */
function java21(): string {
  const candidates = [process.env['JAVA21_HOME'], process.env['JAVA_HOME'], ...(existsSync('/usr/lib/jvm') ? readdirSync('/usr/lib/jvm').map((name) => join('/usr/lib/jvm', name)) : [])];
  for (const home of candidates) {
    if (!home) continue;
    const release = join(home, 'release');
    if (!existsSync(release)) continue;
    const version = /JAVA_VERSION="(\d+)/.exec(readFileSync(release, 'utf8'))?.[1];
    if (Number(version) >= 21) return join(home, 'bin', 'java');
  }
  throw new Error('validating the Strimzi resources needs Java 21 or later (Strimzi 1.x generates its CRDs with it); set JAVA21_HOME');
}

async function writeSchemas(folder: string, schemas: Map<string, object>): Promise<void> {
  for (const [file, schema] of schemas) await writeFile(join(folder, file), JSON.stringify(schema));
}

/** Makes (once) and returns kustomize, kubeconform and the schemas. */
export async function ensureManifestValidator(projectRoot: string, log: (line: string) => void): Promise<ManifestValidator> {
  const pomPath = join(projectRoot, 'deploy', 'validation', 'pom.xml');
  const pom = await readFile(pomPath, 'utf8');
  const converter = await readFile(join(projectRoot, 'tests', 'deployment', 'kubernetes-json-schemas.ts'), 'utf8');
  const key = createHash('sha256').update(JSON.stringify(VERSIONS)).update(pom).update(converter).digest('hex').slice(0, 16);
  const cache = hubCacheDir('manifest-validation', key);
  const validatorIn = (folder: string): ManifestValidator => ({ kustomize: join(folder, 'bin', 'kustomize'), kubeconform: join(folder, 'bin', 'kubeconform'), schemas: join(folder, 'schemas') });
  if (existsSync(join(cache, 'complete'))) return validatorIn(cache);

  log(`Making the manifest validator in ${cache} (first run only): kustomize, kubeconform, the Kubernetes, Strimzi and CloudNativePG schemas ...`);
  // Made in a folder of this process's own, then moved into place: two checkouts may share the cache.
  const staging = `${cache}.partial-${process.pid}`;
  const validator = validatorIn(staging);
  await rm(staging, { recursive: true, force: true });
  await mkdir(validator.schemas, { recursive: true });
  for (const tool of [`sigs.k8s.io/kustomize/kustomize/v5@${VERSIONS.kustomize}`, `github.com/yannh/kubeconform/cmd/kubeconform@${VERSIONS.kubeconform}`]) {
    await run('go', ['install', tool], { env: goEnvironment(staging) });
  }

  const kubernetes = await goModuleDir('k8s.io/kubernetes', VERSIONS.kubernetes, staging);
  await writeSchemas(validator.schemas, schemasFromOpenApi(JSON.parse(await readFile(join(kubernetes, 'api', 'openapi-spec', 'swagger.json'), 'utf8')) as never));

  const cloudnativePg = await goModuleDir('github.com/cloudnative-pg/cloudnative-pg', VERSIONS.cloudnativePg, staging);
  for (const file of CLOUDNATIVE_PG_CRDS) await writeSchemas(validator.schemas, schemasFromCrd(parse(await readFile(join(cloudnativePg, 'config', 'crd', 'bases', file), 'utf8')) as never));

  const strimziLibs = join(staging, 'strimzi-libs');
  const crds = join(staging, 'strimzi-crds');
  await mkdir(crds, { recursive: true });
  await run('mvn', ['-B', '-ntp', '-q', '-f', pomPath, 'org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${strimziLibs}`]);
  const outputs = Object.entries(STRIMZI_KINDS).map(([kind, model]) => `${model}=${join(crds, `${kind}.yaml`)}`);
  await run(java21(), [
    '-cp',
    join(strimziLibs, '*'),
    'io.strimzi.crdgenerator.CrdGenerator',
    '--target-kube',
    '1.16+',
    '--crd-api-version',
    'v1',
    '--api-versions',
    'v1',
    '--storage-version',
    'v1',
    '--yaml',
    ...outputs,
  ]);
  for (const kind of Object.keys(STRIMZI_KINDS)) {
    for (const document of parseAllDocuments(await readFile(join(crds, `${kind}.yaml`), 'utf8'))) await writeSchemas(validator.schemas, schemasFromCrd(document.toJS() as never));
  }
  await writeFile(join(staging, 'complete'), `${new Date().toISOString()}\n`);
  if (existsSync(join(cache, 'complete'))) await rm(staging, { recursive: true, force: true });
  else await rm(cache, { recursive: true, force: true }).then(() => rename(staging, cache));
  log('The manifest validator is ready.');
  return validatorIn(cache);
}
