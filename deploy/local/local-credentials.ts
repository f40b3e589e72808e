import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openMemberDirectory } from '@hub/members';
import { type MemberRole } from '@hub/access';
import { DEPARTMENTS } from '@hub/departments';

/**
 * The departments of the region, an audit office, and the two people who look after the contract
 * registry (an integration engineer and a data steward), as the local hub registers them.
 */
const LOCAL_MEMBERS: { id: string; name: string; role: MemberRole }[] = [
  ...DEPARTMENTS.map((d) => ({ id: d.id, name: `${d.name} ${d.english}`, role: 'department' as const })),
  { id: 'audit-office', name: '审计 Audit office', role: 'auditor' },
  { id: 'integration-engineer', name: '集成工程师 Integration engineer', role: 'integration-engineer' },
  { id: 'data-steward', name: '数据管理员 Data steward', role: 'data-steward' },
];

/**
 * One of the local hub's key rings (`pseudonym-keys`, `envelope-keys`, `audit-store-keys`), made
 * once and kept in .hub/: pseudonyms must stay the same, and sealed rows open, from one start to
 * the next. Production sets PSEUDONYM_KEYS, ENVELOPE_KEYS and AUDIT_STORE_KEYS from its secret
 * store instead.
 */
export function localKeyRing(folder: string, name: 'pseudonym-keys' | 'envelope-keys' | 'audit-store-keys' | 'console-keys'): string {
  const file = join(folder, name);
  if (!existsSync(file)) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, `1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * The audit service's Ed25519 signing key, made on first start, with its public half beside it for
 * `hub audit verify`. Returns the private key's path.
 */
export function localAuditSigningKey(folder: string): string {
  const privateFile = join(folder, 'audit-signing-key.pem');
  if (!existsSync(privateFile)) {
    mkdirSync(folder, { recursive: true });
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeFileSync(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(join(folder, 'audit-public-key.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
  }
  return privateFile;
}

/**
 * The Ed25519 key a service signs what it publishes for others to trust with (the registry's
 * contract changes, the crosscheck's finding changes), made on first start, with its public half
 * beside it for the services that check. Returns both paths.
 */
export function localServiceSigningKey(folder: string, service: 'registry' | 'crosscheck'): { privateFile: string; publicFile: string } {
  const keys = join(folder, 'signing');
  const privateFile = join(keys, `${service}.pem`);
  const publicFile = join(keys, `${service}.pub.pem`);
  if (!existsSync(privateFile)) {
    mkdirSync(keys, { recursive: true, mode: 0o700 });
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeFileSync(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(publicFile, publicKey.export({ type: 'spki', format: 'pem' }));
  }
  return { privateFile, publicFile };
}

/**
 * Registers the local members that are missing, with an API key each, and keeps the keys in
 * .hub/api-keys.json (readable by this user only) so a newcomer can publish at once.
 * Returns the path of that file.
 */
export async function ensureLocalMembers(folder: string, databaseUrl: string): Promise<{ file: string; added: string[]; departments: string[] }> {
  const file = join(folder, 'api-keys.json');
  const keys: Record<string, string> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  const { members, close } = await openMemberDirectory(databaseUrl);
  const added: string[] = [];
  let departments: string[];
  try {
    for (const member of LOCAL_MEMBERS) {
      if (await members.get(member.id)) continue;
      await members.add({ id: member.id, displayName: member.name, role: member.role });
      keys[member.id] = (await members.issueKey(member.id)).plaintext;
      added.push(member.id);
    }
    departments = (await members.list()).filter((member) => member.role === 'department').map((member) => member.id);
  } finally {
    await close();
  }
  mkdirSync(folder, { recursive: true });
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return { file, added, departments };
}
