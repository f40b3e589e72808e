import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureKafkaDistribution, findProjectRoot } from '@hub/local-infra';
import { javaClientPropertiesFile } from './java-consumer.js';
import { testJavaClientProperties } from './test-kafka.js';

export interface JavaRecord {
  key: string;
  /** The value, or `{ zeros: n }` for n zero bytes (made by the producer, not sent through its input). */
  value: Buffer | string | { zeros: number };
  /** Headers by name, or as pairs (a name may then repeat, as Kafka allows). */
  headers?: Record<string, string> | [string, string][];
}

export type KafkaCompression = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';

const b64 = (value: Buffer | string) => Buffer.from(value).toString('base64');

/**
 * Produces records with Apache Kafka's own Java client (the broker's jars, from Maven Central),
 * compressed as a department's Java, Go or C client would, in one batch where they fit. Resolves
 * with where the broker put them. `properties` are the client's own settings (security); on the
 * test broker, its administrator's.
 */
export async function produceWithJavaClient(
  brokers: readonly string[],
  topic: string,
  compression: KafkaCompression,
  records: readonly JavaRecord[],
  properties: Record<string, string> = testJavaClientProperties(brokers),
): Promise<{ partition: number; offset: string }[]> {
  const root = findProjectRoot();
  const { classpath } = await ensureKafkaDistribution(root, () => undefined);
  const source = join(root, 'tests', 'fixtures', 'java-producer', 'CompressedProducer.java');
  const settings = javaClientPropertiesFile(properties);
  const child = spawn('java', ['-Xmx512m', '-cp', classpath, source, brokers.join(','), topic, compression, settings.file], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.once('exit', () => {
    settings.remove();
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  for (const record of records) {
    const pairs = Array.isArray(record.headers) ? record.headers : Object.entries(record.headers ?? {});
    const headers = pairs.map(([name, value]) => `${name}=${b64(value)}`).join(',');
    const value = typeof record.value === 'object' && 'zeros' in record.value ? `zeros:${record.value.zeros}` : b64(record.value);
    child.stdin.write(`${b64(record.key)}\t${value}\t${headers}\n`);
  }
  child.stdin.end();
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the Java producer exited with ${code}:\n${err}`);
  return out
    .trim()
    .split('\n')
    .map((line) => {
      const [partition, offset] = line.split(' ');
      return { partition: Number(partition), offset: offset };
    });
}
