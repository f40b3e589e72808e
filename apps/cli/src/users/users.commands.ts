import type { Command } from 'commander';
import { CONSOLE_ROLE_NAMES, CONSOLE_ROLES, ConsoleUsers, isConsoleRole, PostgresConsoleUserRepository, type ConsoleUser } from '@hub/console-users';
import { MemberDirectory } from '@hub/members';
import { openReadingDataSource } from '@hub/persistence';
import { kafkaAdminOption, logAdministration } from '../administration-log.js';
import type { CliEnvironment } from '../cli-environment.js';
import type { CliOutput } from '../cli-output.js';
import { databaseOption } from '../database-option.js';
import { InputError } from '../read-input.js';

/** The console's users on their own connection, as `hub_operator`: it never migrates (`hub db migrate` is the owner's). */
async function withUsers<T>(databaseUrl: string, work: (users: ConsoleUsers) => Promise<T>): Promise<T> {
  const dataSource = await openReadingDataSource(databaseUrl);
  try {
    return await work(new ConsoleUsers(new PostgresConsoleUserRepository(dataSource), new MemberDirectory(dataSource)));
  } finally {
    await dataSource.destroy();
  }
}

const state = (user: ConsoleUser): string =>
  user.disabledAt ? `已停用 disabled ${user.disabledAt}` : user.lockedUntil ? `已锁定 locked until ${user.lockedUntil}` : user.mustChangePassword ? '待改密 first password not changed' : '正常 active';

/**
 * `hub users ...`: operators add the people who sign in to the console, each under a member and in
 * one role, and reset or disable them. A first password is printed once; the hub keeps its hash.
 */
export function addUsersCommands(program: Command, io: CliOutput, env: CliEnvironment): void {
  const users = program.command('users').description('the people who sign in to the console: add, reset, disable, list');
  const roles = CONSOLE_ROLES.map((role) => `${role} (${CONSOLE_ROLE_NAMES[role].zh})`).join(', ');

  users
    .command('add <username>')
    .description('add a user under a member, in one role; prints the first password once (to be changed at first sign-in)')
    .requiredOption('--member <id>', `the member (a department, the audit office, or "hub" for the hub's own operators)`)
    .requiredOption('--role <role>', roles)
    .requiredOption('--name <name>', 'the display name, e.g. 张敏')
    .option(...databaseOption(env, 'operator'))
    .option(...kafkaAdminOption(env))
    .action(async (username: string, options: { member: string; role: string; name: string; database: string; kafkaAdmin: string }) => {
      if (!isConsoleRole(options.role)) throw new InputError(`--role must be one of ${roles}; not "${options.role}"`);
      const role = options.role;
      await logAdministration(io, options.kafkaAdmin, 'administer-users', `add ${username} under ${options.member} as ${role}`, username);
      const issued = await withUsers(options.database, (console) => console.add({ username, member: options.member, role, displayName: options.name }));
      io.out(`added ${issued.username} (${options.member}, ${role} ${CONSOLE_ROLE_NAMES[role].zh})`);
      io.out(`first password (shown once, to be changed at first sign-in): ${issued.initialPassword}`);
    });

  users
    .command('reset <username>')
    .description('give a user a new first password (shown once); their second factor is enrolled again and a lock is lifted')
    .option(...databaseOption(env, 'operator'))
    .option(...kafkaAdminOption(env))
    .action(async (username: string, options: { database: string; kafkaAdmin: string }) => {
      await logAdministration(io, options.kafkaAdmin, 'administer-users', `reset ${username}`, username);
      const issued = await withUsers(options.database, (console) => console.reset(username));
      io.out(`new first password for ${issued.username} (shown once): ${issued.initialPassword}`);
    });

  users
    .command('disable <username>')
    .description('stop a user signing in, from now on (kept, for the access log to name)')
    .option(...databaseOption(env, 'operator'))
    .option(...kafkaAdminOption(env))
    .action(async (username: string, options: { database: string; kafkaAdmin: string }) => {
      await logAdministration(io, options.kafkaAdmin, 'administer-users', `disable ${username}`, username);
      await withUsers(options.database, (console) => console.disable(username));
      io.out(`disabled ${username}`);
    });

  users
    .command('list')
    .description("the users, or one member's")
    .option('--member <id>', 'one member')
    .option(...databaseOption(env, 'operator'))
    .action(async (options: { member?: string; database: string }) => {
      const found = await withUsers(options.database, (console) => console.list(options.member));
      for (const user of found) io.out(`${user.username}\t${user.member}\t${user.role}\t${user.displayName}\t${state(user)}`);
      if (found.length === 0) io.out(options.member ? `no users of ${options.member}` : 'no users');
    });
}
