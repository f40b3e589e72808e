import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureKafkaDistribution, findProjectRoot } from '@hub/local-infra';

/** What the Java consumer read, or that the broker refused it. */
export interface JavaConsumption {
  refused: boolean;
  values: Buffer[];
  stderr: string;
}

/** Writes the client's properties to a file of its own (0600) and returns its path and how to remove it. */
export function javaClientPropertiesFile(properties: Record<string, string>): { file: string; remove: () => void } {
  const folder = mkdtempSync(join(tmpdir(), 'hub-java-client-'));
  const file = join(folder, 'client.properties');
  writeFileSync(
    file,
    Object.entries(properties)
      .map(([name, value]) => `${name}=${value.replace(/\\/g, '\\\\')}`)
      .join('\n'),
    { mode: 0o600 },
  );
  return {
    file,
    remove: () => {
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Consumes a topic with Apache Kafka's own Java client (the broker's jars) as a department system
 * would, with its own client properties (SASL, TLS), until it has `records` (holding `text`, if
 * given) or `timeoutMs` passed.
 */
export async function consumeWithJavaClient(
  brokers: readonly string[],
  topic: string,
  group: string,
  wanted: { records: number; timeoutMs: number; text?: string },
  properties: Record<string, string>,
): Promise<JavaConsumption> {
  const root = findProjectRoot();
  const { classpath } = await ensureKafkaDistribution(root, () => undefined);
  const source = join(root, 'tests', 'fixtures', 'java-consumer', 'TopicConsumer.java');
  const settings = javaClientPropertiesFile(properties);
  const child = spawn(
    'java',
    ['-Xmx256m', '-cp', classpath, source, brokers.join(','), topic, group, String(wanted.records), String(wanted.timeoutMs), settings.file, ...(wanted.text ? [wanted.text] : [])],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  settings.remove();
  if (code !== 0 && code !== 3) throw new Error(`the Java consumer exited with ${code}:\n${err}`);
  // Only the lines it prints for values: the Java client may print lines of its own.
  const values = out
    .split('\n')
    .filter((line) => line.startsWith('value '))
    .map((line) => Buffer.from(line.slice('value '.length), 'base64'));
  return { refused: code === 3, values, stderr: err };
}
