import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@hub/local-infra';
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

/** An audit process recording the topics matching a pattern, once it has joined its consumer group; it publishes its checkpoints on a topic of its own unless told which. */
export async function startAudit(databaseUrl: string, options: { topics: string; signingKeyFile: string; name?: string; brokers?: string[]; checkpointTopic?: string }): Promise<AppProcess> {
  const port = await freePort();
  const audit = AppProcess.start('apps/audit/src/main.js', {
    HTTP_PORT: String(port),
    SERVICE_NAME: options.name ?? uniqueName('audit').replace(/_/g, '-'),
    ...testKafkaEnv(options.brokers),
    DATABASE_URL: databaseUrl,
    AUDIT_SIGNING_KEY_FILE: options.signingKeyFile,
    AUDIT_TOPICS: options.topics,
    AUDIT_CHECKPOINT_TOPIC: options.checkpointTopic ?? uniqueName('audit-checkpoints'),
    AUDIT_SEAL_INTERVAL_MS: '300',
    AUDIT_TOPIC_REFRESH_MS: '1000',
  }, { url: `http://127.0.0.1:${port}` });
  await eventually('the audit consumes', async () => {
    if (audit.exited) throw new Error(audit.lines.join('\n'));
    return audit.lines.some((line) => line.includes('joined consumer group'));
  });
  return audit;
}
