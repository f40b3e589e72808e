import type { Command } from 'commander';
import { MEMBER_ROLES, type MemberRole } from '@hub/access';
import { openMemberDirectory, type MemberDirectory } from '@hub/members';
import type { CliOutput } from '../cli-output.js';
import { databaseOption } from '../database-option.js';


async function withDirectory<T>(databaseUrl: string, work: (members: MemberDirectory) => Promise<T>): Promise<T> {
  const { members, close } = await openMemberDirectory(databaseUrl);
  try {
    return await work(members);
  } finally {
    await close();
  }
}

const positive = (text: string, what: string): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${what} must be a positive whole number, not "${text}"`);
  return value;
};

/**
 * `hub members ...`: operators register members and manage their API keys, on the hub's database
 * directly. A key is printed once, when issued; the hub keeps only its hash.
 */
export function addMembersCommands(program: Command, io: CliOutput): void {
  const members = program.command('members').description('register members (departments, auditors) and manage their API keys');

  members
    .command('add <id>')
    .description('register a member; its id is the department code its contracts name as owner')
    .option('--name <name>', 'display name')
    .option('--role <role>', MEMBER_ROLES.join(', '), 'department')
    .option('--records-per-second <n>', 'publishing rate limit')
    .option('--max-request-bytes <n>', 'largest request body')
    .option('--issue-key', 'also issue its first API key')
    .option(...databaseOption('operator'))
    .action(async (id: string, options: { name?: string; role: string; recordsPerSecond?: string; maxRequestBytes?: string; issueKey?: boolean; database: string }) => {
      await withDirectory(options.database, async (directory) => {
        const member = await directory.add({
          id,
          role: options.role as MemberRole,
          ...(options.name ? { displayName: options.name } : {}),
          ...(options.recordsPerSecond ? { recordsPerSecond: positive(options.recordsPerSecond, '--records-per-second') } : {}),
          ...(options.maxRequestBytes ? { maxRequestBytes: positive(options.maxRequestBytes, '--max-request-bytes') } : {}),
        });
        io.out(`registered ${member.id} (${member.role}, ${member.recordsPerSecond} records/s, ${member.maxRequestBytes} bytes per request)`);
        if (options.issueKey) io.out(`API key (shown once): ${(await directory.issueKey(member.id)).plaintext}`);
      });
    });

  members
    .command('list')
    .description('the registered members')
    .option(...databaseOption('operator'))
    .action(async (options: { database: string }) => {
      await withDirectory(options.database, async (directory) => {
        for (const m of await directory.list()) io.out(`${m.id.padEnd(24)} ${m.role.padEnd(20)} ${m.recordsPerSecond} records/s  ${m.displayName}`);
      });
    });

  members
    .command('keys <id>')
    .description('a member\'s API keys (ids and dates; never the keys)')
    .option(...databaseOption('operator'))
    .action(async (id: string, options: { database: string }) => {
      await withDirectory(options.database, async (directory) => {
        for (const k of await directory.keys(id)) {
          const state = k.revokedAt ? `revoked ${k.revokedAt}` : k.expiresAt ? `expires ${k.expiresAt}` : 'live';
          io.out(`${k.keyId}  created ${k.createdAt}  ${state}`);
        }
      });
    });

  members
    .command('issue-key <id>')
    .description('issue another API key for a member')
    .option(...databaseOption('operator'))
    .action(async (id: string, options: { database: string }) => {
      await withDirectory(options.database, async (directory) => io.out(`API key (shown once): ${(await directory.issueKey(id)).plaintext}`));
    });

  members
    .command('rotate-key <id>')
    .description('issue a new API key; the member\'s other keys expire after the grace period')
    .option('--grace-hours <hours>', 'how long the old keys keep working', '168')
    .option(...databaseOption('operator'))
    .action(async (id: string, options: { graceHours: string; database: string }) => {
      await withDirectory(options.database, async (directory) => {
        const key = await directory.rotateKey(id, positive(options.graceHours, '--grace-hours') * 3600);
        io.out(`API key (shown once): ${key.plaintext}`);
        io.out(`the other keys of ${id} stop working in ${options.graceHours} hours`);
      });
    });

  members
    .command('revoke-key <keyId>')
    .description('revoke an API key at once')
    .option(...databaseOption('operator'))
    .action(async (keyId: string, options: { database: string }) => {
      await withDirectory(options.database, async (directory) => io.out(`revoked ${(await directory.revokeKey(keyId)).keyId}`));
    });
}
