import type { DataSource } from 'typeorm';
import { apiKeyId, apiKeyMatches, issueApiKey, MEMBER_ROLES, type IssuedApiKey, type MemberRole } from '@hub/access';
import { ErrorCode, HubError } from '@hub/errors';
import { DEFAULT_MAX_REQUEST_BYTES, DEFAULT_RECORDS_PER_SECOND, memberIdProblem, type ApiKeyInfo, type Member } from './member.js';

interface MemberRow {
  member_id: string;
  display_name: string;
  role: MemberRole;
  records_per_second: number;
  max_request_bytes: number;
}

interface KeyRow {
  key_id: string;
  member_id: string;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
}

const toMember = (row: MemberRow): Member => ({
  id: row.member_id,
  displayName: row.display_name,
  role: row.role,
  recordsPerSecond: row.records_per_second,
  maxRequestBytes: row.max_request_bytes,
});

const toKey = (row: KeyRow): ApiKeyInfo => ({
  keyId: row.key_id,
  memberId: row.member_id,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

/** Why a presented key does not authenticate, for the access log (the caller only hears 401). */
export type Authentication = { member: Member; keyId: string } | { member?: undefined; keyId?: string; reason: string };

/** The hub's members and their API keys (hashes only), in PostgreSQL. */
export class MemberDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async add(member: Partial<Member> & Pick<Member, 'id' | 'role'>): Promise<Member> {
    const idProblem = memberIdProblem(member.id);
    if (idProblem !== undefined) throw new HubError(ErrorCode.BadRequest, idProblem);
    if (!MEMBER_ROLES.includes(member.role)) throw new HubError(ErrorCode.BadRequest, `role "${member.role}" is not one of ${MEMBER_ROLES.join(', ')}`);
    const rows: MemberRow[] = await this.dataSource.query(
      `INSERT INTO gateway_member (member_id, display_name, role, records_per_second, max_request_bytes)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING *`,
      [member.id, member.displayName ?? member.id, member.role, member.recordsPerSecond ?? DEFAULT_RECORDS_PER_SECOND, member.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES],
    );
    if (rows.length === 0) throw new HubError(ErrorCode.Conflict, `member "${member.id}" is already registered`, { context: { member: member.id } });
    return toMember(rows[0]);
  }

  async list(): Promise<Member[]> {
    const rows: MemberRow[] = await this.dataSource.query('SELECT * FROM gateway_member ORDER BY member_id');
    return rows.map(toMember);
  }

  async get(memberId: string): Promise<Member | undefined> {
    const rows: MemberRow[] = await this.dataSource.query('SELECT * FROM gateway_member WHERE member_id = $1', [memberId]);
    return rows[0] && toMember(rows[0]);
  }

  /** A new key for the member; the plaintext is returned once and never stored. */
  async issueKey(memberId: string): Promise<IssuedApiKey> {
    await this.require(memberId);
    const key = issueApiKey();
    await this.dataSource.query('INSERT INTO gateway_api_key (key_id, member_id, key_hash) VALUES ($1, $2, $3)', [key.keyId, memberId, key.hash]);
    return key;
  }

  /** Issues a new key and lets the member's other live keys run out after a grace period, so its systems can switch over. */
  async rotateKey(memberId: string, graceSeconds: number): Promise<IssuedApiKey> {
    const key = await this.issueKey(memberId);
    await this.dataSource.query(
      `UPDATE gateway_api_key SET expires_at = LEAST(COALESCE(expires_at, 'infinity'), now() + make_interval(secs => $3))
       WHERE member_id = $1 AND key_id <> $2 AND revoked_at IS NULL`,
      [memberId, key.keyId, graceSeconds],
    );
    return key;
  }

  async revokeKey(keyId: string): Promise<ApiKeyInfo> {
    // TypeORM answers an UPDATE ... RETURNING on PostgreSQL as [rows, affected count].
    const [rows]: [KeyRow[], number] = await this.dataSource.query('UPDATE gateway_api_key SET revoked_at = COALESCE(revoked_at, now()) WHERE key_id = $1 RETURNING *', [keyId]);
    if (rows.length === 0) throw new HubError(ErrorCode.NotFound, `no API key has id "${keyId}"`, { context: { keyId } });
    return toKey(rows[0]);
  }

  async keys(memberId: string): Promise<ApiKeyInfo[]> {
    await this.require(memberId);
    const rows: KeyRow[] = await this.dataSource.query('SELECT * FROM gateway_api_key WHERE member_id = $1 ORDER BY created_at', [memberId]);
    return rows.map(toKey);
  }

  /** Every member's keys, by member, in one query (the console's operations page). */
  async allKeys(): Promise<Map<string, ApiKeyInfo[]>> {
    const rows: KeyRow[] = await this.dataSource.query('SELECT * FROM gateway_api_key ORDER BY member_id, created_at');
    const keys = new Map<string, ApiKeyInfo[]>();
    for (const key of rows.map(toKey)) keys.set(key.memberId, [...(keys.get(key.memberId) ?? []), key]);
    return keys;
  }

  /** The member a presented key belongs to, if the key is known, matches its hash, and is neither revoked nor expired. */
  async authenticate(presented: string): Promise<Authentication> {
    const keyId = apiKeyId(presented);
    if (!keyId) return { reason: 'the credential is not shaped like a hub API key' };
    const rows: (MemberRow & { key_hash: string; expires_at: Date | null; revoked_at: Date | null })[] = await this.dataSource.query(
      `SELECT m.*, k.key_hash, k.expires_at, k.revoked_at FROM gateway_api_key k JOIN gateway_member m USING (member_id) WHERE k.key_id = $1`,
      [keyId],
    );
    const row = rows[0];
    if (!row || !apiKeyMatches(presented, row.key_hash)) return { keyId, reason: 'unknown API key' };
    if (row.revoked_at) return { keyId, reason: `API key ${keyId} was revoked at ${row.revoked_at.toISOString()}` };
    if (row.expires_at && row.expires_at.getTime() <= Date.now()) return { keyId, reason: `API key ${keyId} expired at ${row.expires_at.toISOString()}` };
    return { member: toMember(row), keyId };
  }

  private async require(memberId: string): Promise<void> {
    if (!(await this.get(memberId))) throw new HubError(ErrorCode.NotFound, `no member "${memberId}" is registered`, { context: { member: memberId } });
  }
}
