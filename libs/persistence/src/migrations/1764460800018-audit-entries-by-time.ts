import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit's entries of a topic by time: the console's access-log search reads the newest first within a window (issue 24). */
export class AuditEntriesByTime1764460800018 implements MigrationInterface {
  name = 'AuditEntriesByTime1764460800018';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX audit_entry_topic_time ON audit_entry (topic, timestamp_ms, partition, "offset")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX audit_entry_topic_time');
  }
}
