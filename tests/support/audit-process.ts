import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAuditReader, type OpenedRecord, type SealedRecord } from '@hub/audit';
import type { ChainEntry } from '@hub/audit-chain';
import { freePort } from '@hub/local-infra';
import { VersionedKeyRing } from '@hub/privacy';
import { AppProcess } from './app-process.js';
import { eventually } from './eventually.js';
import { testKafkaEnv } from './test-kafka.js';
import { uniqueName } from './unique-name.js';

/** An Ed25519 key pair in PEM files, as `npm start` makes for the audit service. */
export function auditKeyFiles(): { signingKeyFile: string; publicKeyFile: string } {
  const folder = mkdtempSync(join(tmpdir(), 'hub-audit-keys-'));
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signingKeyFile = join(folder, 'audit-signing-key.pem');
  const publicKeyFile = join(folder, 'audit-public-key.pem');
  writeFileSync(signingKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
  return { signingKeyFile, publicKeyFile };
}

/** The audit's key ring in the tests (`hub audit lineage` and replay from the store read with it too). */
export const TEST_AUDIT_STORE_KEYS = `1:${Buffer.alloc(32, 21).toString('base64')}`;

/** An audit process recording the topics matching a pattern, once it has joined its consumer group; it publishes its checkpoints on a topic of its own unless told which. */
export async function startAudit(databaseUrl: string, options: { topics: string; signingKeyFile: string; name?: string; brokers?: string[]; checkpointTopic?: string }): Promise<AppProcess> {
  const port = await freePort();
  const audit = AppProcess.start(
    'apps/audit/src/main.js',
    {
      HTTP_PORT: String(port),
      SERVICE_NAME: options.name ?? uniqueName('audit').replace(/_/g, '-'),
      ...testKafkaEnv(options.brokers),
      DATABASE_URL: databaseUrl,
      AUDIT_SIGNING_KEY_FILE: options.signingKeyFile,
      AUDIT_STORE_KEYS: TEST_AUDIT_STORE_KEYS,
      AUDIT_TOPICS: options.topics,
      AUDIT_CHECKPOINT_TOPIC: options.checkpointTopic ?? uniqueName('audit-checkpoints'),
      AUDIT_SEAL_INTERVAL_MS: '300',
      AUDIT_TOPIC_REFRESH_MS: '1000',
    },
    { url: `http://127.0.0.1:${port}` },
  );
  await eventually('the audit consumes', async () => {
    if (audit.exited) throw new Error(audit.lines.join('\n'));
    return audit.lines.some((line) => line.includes('joined consumer group'));
  });
  return audit;
}

/** Every entry the audit store holds of a topic, in offset order per partition, opened with the tests' key ring (expired ones marked). */
export async function openedEntries(databaseUrl: string, topic: string): Promise<OpenedRecord<ChainEntry & Pick<SealedRecord, 'sealedPeriod'>>[]> {
  const reader = await openAuditReader(databaseUrl, VersionedKeyRing.parse(TEST_AUDIT_STORE_KEYS));
  try {
    const opened = [];
    for (const chain of (await reader.store.chains()).filter((c) => c.topic === topic)) {
      const entries = await reader.store.entriesBetween(chain, '-1', String(Number.MAX_SAFE_INTEGER), 100_000);
      opened.push(...(await reader.records.open(entries)));
    }
    return opened;
  } finally {
    await reader.close();
  }
}
