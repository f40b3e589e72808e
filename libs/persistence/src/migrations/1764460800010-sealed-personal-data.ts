import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal data the gateway keeps is sealed at rest (issue 20): a rejected record as sent, and a
 * department record key (学籍号, certificate number, which embed identity numbers), each sealed
 * with the envelope key (AES-256-GCM) in a text column; the clear columns become nullable and the
 * gateway seals the rows an earlier version left in the clear when it starts. A record key keeps
 * its own pseudonym beside it, so an unchanged key is not written again. The identity vault holds
 * each resident's identity number and name, sealed, by person pseudonym, for entitled reveals.
 */
export class SealedPersonalData1764460800010 implements MigrationInterface {
  name = 'SealedPersonalData1764460800010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE gateway_rejection ALTER COLUMN record DROP NOT NULL, ADD COLUMN sealed_record text');
    await queryRunner.query('ALTER TABLE gateway_record_key ALTER COLUMN original DROP NOT NULL, ADD COLUMN sealed_original text, ADD COLUMN original_pseudonym varchar(120)');
    await queryRunner.query(`
      CREATE TABLE gateway_identity (
        pseudonym        varchar(120) PRIMARY KEY,
        sealed_identity  text         NOT NULL,
        identity_token   varchar(120) NOT NULL,
        updated_at       timestamptz  NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE gateway_identity');
    await queryRunner.query('ALTER TABLE gateway_record_key DROP COLUMN original_pseudonym, DROP COLUMN sealed_original');
    await queryRunner.query('ALTER TABLE gateway_rejection DROP COLUMN sealed_record');
  }
}
