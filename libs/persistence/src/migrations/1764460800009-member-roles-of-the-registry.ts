import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry's two roles join the member directory: integration engineers evolve contracts,
 * data stewards make the governed changes (issue 19). `integration-engineer` is 20 characters,
 * which the column already holds.
 */
export class MemberRolesOfTheRegistry1764460800009 implements MigrationInterface {
  name = 'MemberRolesOfTheRegistry1764460800009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE gateway_member DROP CONSTRAINT gateway_member_role_check');
    await queryRunner.query(`ALTER TABLE gateway_member ADD CONSTRAINT gateway_member_role_check CHECK (role IN ('department', 'auditor', 'integration-engineer', 'data-steward'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE gateway_member DROP CONSTRAINT gateway_member_role_check');
    await queryRunner.query(`ALTER TABLE gateway_member ADD CONSTRAINT gateway_member_role_check CHECK (role IN ('department', 'auditor'))`);
  }
}
