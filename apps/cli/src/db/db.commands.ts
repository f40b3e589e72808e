import type { CliEnvironment } from '../cli-environment.js';
import type { Command } from 'commander';
import { grantServiceRoles, HUB_MIGRATIONS, openMigratedDataSource, SERVICE_ROLES } from '@hub/persistence';
import type { CliOutput } from '../cli-output.js';

/** `hub db ...`: what the database owner does (production runs it before the services start, e.g. as a job). */
export function addDbCommands(program: Command, io: CliOutput, env: CliEnvironment): void {
  const db = program.command('db').description("the hub's database: migrations and the services' roles");

  db.command('migrate')
    .description('run the pending migrations, then grant each service role exactly its privileges (as the owner role)')
    .option('--database <url>', "the hub's PostgreSQL as its owner role", env.DATABASE_URL ?? 'postgres://hub:hub@127.0.0.1:5432/hub')
    .option('--no-grant', 'only migrate (the service roles do not exist on this server)')
    .action(async (options: { database: string; grant: boolean }) => {
      const dataSource = await openMigratedDataSource(options.database);
      await dataSource.destroy();
      io.out(`the database is at migration ${HUB_MIGRATIONS.length} of ${HUB_MIGRATIONS.length}`);
      if (!options.grant) return;
      await grantServiceRoles(options.database);
      for (const spec of Object.values(SERVICE_ROLES)) io.out(`granted ${spec.role} (${spec.purpose})`);
    });
}
