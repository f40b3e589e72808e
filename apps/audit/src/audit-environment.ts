import { Expose, Type } from 'class-transformer';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { MINIMUM_AUDIT_RETENTION_MONTHS } from '@hub/audit';
import { HubEnvironment, IsKeyRing } from '@hub/config';

/** The audit service's settings: the hub's common ones and its own. */
export class AuditEnvironment extends HubEnvironment {
  override SERVICE_NAME = 'audit';
  /** Where its health is served (`/health/ready` names a consumer that is not running). */
  override HTTP_PORT = 8083;

  /** The Ed25519 private key (PKCS#8 PEM) checkpoints are signed with; `npm start` makes one in .hub/. */
  @Expose()
  @IsString()
  AUDIT_SIGNING_KEY_FILE = '.hub/audit-signing-key.pem';

  /**
   * The audit's key ring, `<version>:<base64 secret of 32+ bytes>[,...]`, apart from the gateway's:
   * each month's entries are sealed (AES-256-GCM) under a key of that month, kept in the store
   * wrapped under this ring. `hub audit lineage` and `hub replay --source audit` need it too;
   * `hub audit verify` does not. `npm start` makes one in .hub/audit-store-keys. Required.
   */
  @Expose()
  @IsKeyRing('AUDIT_STORE_KEYS')
  AUDIT_STORE_KEYS!: string;

  /**
   * How many full months an entry stays readable; then its month's key is destroyed
   * (crypto-shredding) and the entry expires, its hash still in the chain. At least 6: the
   * Cybersecurity Law asks network logs to be kept six months. Default 24: two school years of
   * aid decisions, for the audit office's yearly review of the year before.
   */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(MINIMUM_AUDIT_RETENTION_MONTHS)
  @Max(1200)
  AUDIT_RETENTION_MONTHS = 24;

  /** How often the chains written since the last seal get a signed checkpoint. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  AUDIT_SEAL_INTERVAL_MS = 10_000;

  /**
   * Where each checkpoint is also published, outside the database: `hub audit verify` compares the
   * store with it, so removing the end of a chain with its checkpoints still shows. Not recorded.
   */
  @Expose()
  @IsString()
  AUDIT_CHECKPOINT_TOPIC = 'hub.audit.checkpoint.v1';

  /**
   * Where the audit's own dead letters go: a topic it does not record. On a topic it records, a
   * record it could not store would come back to it as a dead letter, and fail again, for ever.
   */
  @Expose()
  @IsString()
  AUDIT_DEAD_LETTER_TOPIC = 'hub.audit.deadletter';

  /**
   * Which topics are recorded, as a regular expression over their names. Default: every topic but
   * Kafka's own (`__consumer_offsets`, ...) and the members' raw inbound topics (`hub.inbound.*`):
   * what arrives there is a department's record as sent, identity numbers and names in the clear,
   * which the audit store (kept for years) must not hold. What the gateway made of each record is
   * recorded on its canonical topic or, refused, on the dead-letter topic (issue 20).
   */
  @Expose()
  @IsString()
  AUDIT_TOPICS = '^(?!__|hub\\.inbound\\.)';

  /** How often the broker's topic list is read again, so a topic created later (a new member's) is recorded too. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  AUDIT_TOPIC_REFRESH_MS = 30_000;
}
