import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runJdkTool } from './run-jdk-tool.js';

/** What a local broker with authentication needs: the administrator's password and the TLS key of the members' listener. */
export interface LocalBrokerSecurity {
  /** The super user `admin`, over SASL/PLAIN on the administration listener only. */
  adminPassword: string;
  /** PKCS#12 key store of the members' listener (key and self-signed certificate for 127.0.0.1 and localhost). */
  keyStoreFile: string;
  keyStorePassword: string;
  /** The certificate (PEM) clients check the members' listener against. */
  caFile: string;
}

/**
 * The local broker's secrets, made on its first start and kept in its folder (files readable by
 * this user only): a random administrator password, and a key pair with a self-signed certificate
 * made by the JDK's keytool, which is already here because the broker runs on Java.
 */
export async function localBrokerSecurity(folder: string): Promise<LocalBrokerSecurity> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const secretsFile = join(folder, 'secrets.json');
  const existing = existsSync(secretsFile);
  const secrets = existing
    ? (JSON.parse(await readFile(secretsFile, 'utf8')) as { adminPassword: string; keyStorePassword: string })
    : { adminPassword: randomBytes(24).toString('base64url'), keyStorePassword: randomBytes(24).toString('base64url') };
  if (!existing) {
    // Written whole and then moved into place: the nodes of a local cluster read this folder at the same moment
    // (rewritten on every start, a node once read it half written: "Unexpected end of JSON input").
    const partial = `${secretsFile}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;
    await writeFile(partial, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
    await rename(partial, secretsFile);
  }
  const keyStoreFile = join(folder, 'broker.p12');
  const caFile = join(folder, 'ca.pem');
  if (!existsSync(keyStoreFile)) {
    const store = ['-keystore', keyStoreFile, '-storetype', 'PKCS12', '-storepass', secrets.keyStorePassword];
    await runJdkTool(
      'keytool',
      [
        '-genkeypair',
        '-alias',
        'broker',
        '-keyalg',
        'EC',
        '-groupname',
        'secp256r1',
        '-validity',
        '3650',
        '-dname',
        'CN=localhost, O=Ningxia data-sharing hub (local)',
        '-ext',
        'SAN=IP:127.0.0.1,DNS:localhost',
        ...store,
      ],
      `making the local broker's TLS key in ${keyStoreFile} failed`,
    );
    await runJdkTool('keytool', ['-exportcert', '-rfc', '-alias', 'broker', '-file', caFile, ...store], `exporting the local broker's certificate to ${caFile} failed`);
  }
  return { adminPassword: secrets.adminPassword, keyStoreFile, keyStorePassword: secrets.keyStorePassword, caFile };
}
