import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCode, HubError } from '@hub/errors';
import { hubCacheDir } from './hub-cache-dir.js';

export interface KafkaDistribution {
  version: string;
  /** Java classpath of the broker's jars. */
  classpath: string;
  /** False when the jars were already in the cache. */
  downloaded: boolean;
}

const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies';

function runMaven(args: string[], log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        output.push(line);
        if (/BUILD|ERROR|Copying/.test(line)) log(`  mvn: ${line.replace(/^\[INFO\]\s*/, '')}`);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => {
      reject(new HubError(ErrorCode.LocalInfraFailed, `cannot run Maven (mvn): ${error.message}; Java 17 and Maven must be installed`, { cause: error }));
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new HubError(ErrorCode.LocalInfraFailed, `mvn exited with ${code}:\n${output.slice(-30).join('\n')}`));
    });
  });
}

/**
 * Makes sure the Apache Kafka broker jars pinned in deploy/kafka/pom.xml are in the cache (hubCacheDir),
 * fetching them from Maven Central with Maven the first time. A later call downloads nothing:
 * the cache is keyed by the pom's hash.
 */
export async function ensureKafkaDistribution(projectRoot: string, log: (line: string) => void): Promise<KafkaDistribution> {
  const pomPath = join(projectRoot, 'deploy', 'kafka', 'pom.xml');
  const pom = await readFile(pomPath, 'utf8');
  const version = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1];
  if (!version) throw new HubError(ErrorCode.LocalInfraFailed, `no <kafka.version> in ${pomPath}`);
  const pomHash = createHash('sha256').update(pom).digest('hex').slice(0, 16);
  const home = hubCacheDir('kafka', `${version}-${pomHash}`);
  const libs = join(home, 'libs');
  const classpath = join(libs, '*');
  if (existsSync(join(home, 'complete'))) return { version, classpath, downloaded: false };

  log(`Fetching Apache Kafka ${version} from Maven Central into ${home} (first run only) ...`);
  // Of this process alone: two checkouts may fetch at once into the shared cache.
  const staging = `${libs}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(home, { recursive: true });
  await runMaven(['-B', '-ntp', '-f', pomPath, DEPENDENCY_PLUGIN, '-DincludeScope=runtime', `-DoutputDirectory=${staging}`], log);
  if (existsSync(join(home, 'complete'))) {
    // Another checkout finished first: its jars are the same ones.
    await rm(staging, { recursive: true, force: true });
    return { version, classpath, downloaded: true };
  }
  await rm(libs, { recursive: true, force: true });
  await rename(staging, libs);
  await writeFile(join(home, 'complete'), `${new Date().toISOString()}\n`);
  log(`Apache Kafka ${version} jars are ready.`);
  return { version, classpath, downloaded: true };
}
