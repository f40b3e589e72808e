import { Expose, Type } from 'class-transformer';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { HubEnvironment } from '@hub/config';

/** The audit service's settings: the hub's common ones and its own. */
export class AuditEnvironment extends HubEnvironment {
  override SERVICE_NAME = 'audit';
  /** Where its health is served (`/health/ready` names a consumer that is not running). */
  override HTTP_PORT = 8083;

  /** The Ed25519 private key (PKCS#8 PEM) checkpoints are signed with; `npm start` makes one in .hub/. */
  @Expose()
  @IsString()
  AUDIT_SIGNING_KEY_FILE = '.hub/audit-signing-key.pem';

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
