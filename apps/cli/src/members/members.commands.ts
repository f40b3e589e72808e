import type { CliEnvironment } from '../cli-environment.js';
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { MEMBER_ROLES, type MemberRole } from '@hub/access';
import { BrokerPrincipals } from '@hub/broker-access';
import { openMemberDirectory, type MemberDirectory } from '@hub/members';
import { createKafkaClient, type KafkaSettings, KafkaTopicAdmin, memberTopicSpecs } from '@hub/messaging';
import { kafkaAdmin, kafkaAdminOption, logAdministration } from '../administration-log.js';
import type { CliOutput } from '../cli-output.js';
import { databaseOption } from '../database-option.js';
import { InputError } from '../read-input.js';

/**
 * Gives a department its topics (the gateway starts consuming its inbound topic within seconds)
 * and a new Kafka password (its principal is its member id), printed once.
 */
async function issueKafkaCredential(admin: KafkaSettings, member: string, io: CliOutput): Promise<void> {
  const topics = new KafkaTopicAdmin(createKafkaClient(admin));
  try {
    await topics.ensureTopics(memberTopicSpecs(member));
  } finally {
    await topics.disconnect();
  }
  const password = randomBytes(24).toString('base64url');
  await new BrokerPrincipals(admin).provisionMember(member, password);
  io.out(`Kafka principal ${member}, SCRAM-SHA-512 password (shown once): ${password}`);
}

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
export function addMembersCommands(program: Command, io: CliOutput, env: CliEnvironment): void {
  const members = program.command('members').description('register members (departments, auditors) and manage their API keys');

  members
    .command('add <id>')
    .description('register a member; its id is the department code its contracts name as owner')
    .option('--name <name>', 'display name')
    .option('--role <role>', MEMBER_ROLES.join(', '), 'department')
    .option('--records-per-second <n>', 'publishing rate limit')
    .option('--max-request-bytes <n>', 'largest request body')
    .option('--issue-key', 'also issue its first API key')
    .option(...databaseOption(env, 'operator'))
    .option(...kafkaAdminOption(env))
    .action(async (id: string, options: { name?: string; role: string; recordsPerSecond?: string; maxRequestBytes?: string; issueKey?: boolean; database: string; kafkaAdmin: string }) => {
      await logAdministration(io, options.kafkaAdmin, 'administer-members', `register ${id} as ${options.role}${options.issueKey ? ', with a key' : ''}`, id);
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
        if (member.role !== 'department') return;
        const admin = kafkaAdmin(options.kafkaAdmin);
        if (admin) await issueKafkaCredential(admin, member.id, io);
        else io.out(`no broker administrator settings in ${options.kafkaAdmin}: ${member.id} has no Kafka principal yet (hub members kafka-credential ${member.id} --kafka-admin <file>)`);
      });
    });

  members
    .command('kafka-credential <id>')
    .description('give a department a new Kafka password (its principal and ACLs are set up if missing); the old password stops working at once')
    .option(...databaseOption(env, 'operator'))
    .option(...kafkaAdminOption(env))
    .action(async (id: string, options: { database: string; kafkaAdmin: string }) => {
      const admin = kafkaAdmin(options.kafkaAdmin);
      if (!admin) throw new InputError(`no broker administrator settings in ${options.kafkaAdmin} (--kafka-admin, or KAFKA_ADMIN_FILE)`);
      await logAdministration(io, options.kafkaAdmin, 'administer-members', `issue a Kafka password to ${id}`, id);
      await withDirectory(options.database, async (directory) => {
        const member = await directory.get(id);
        if (member?.role !== 'department')
          throw new InputError(member ? `${id} is ${member.role === 'auditor' ? 'an' : 'a'} ${member.role}; only departments publish over Kafka` : `no member "${id}" is registered`);
        await issueKafkaCredential(admin, id, io);
      });
    });

  members
    .command('disable <id>')
    .description('revoke a member at once: every API key, and its Kafka principal with all its ACLs')
    .option(...databaseOption(env, 'operator'))
    .option(...kafkaAdminOption(env))
    .action(async (id: string, options: { database: string; kafkaAdmin: string }) => {
      await logAdministration(io, options.kafkaAdmin, 'administer-members', `disable ${id}: every API key and its Kafka principal`, id);
      await withDirectory(options.database, async (directory) => {
        const live = (await directory.keys(id)).filter((key) => !key.revokedAt);
        for (const key of live) await directory.revokeKey(key.keyId);
        io.out(`revoked ${live.length} API key(s) of ${id}`);
      });
      const admin = kafkaAdmin(options.kafkaAdmin);
      if (!admin) {
        io.out(`no broker administrator settings in ${options.kafkaAdmin}: remove the Kafka principal ${id} on the broker yourself`);
        return;
      }
      await new BrokerPrincipals(admin).removeMember(id);
      io.out(`removed the Kafka principal ${id} and its ACLs`);
    });

  members
    .command('list')
    .description('the registered members')
    .option(...databaseOption(env, 'operator'))
    .action(async (options: { database: string }) => {
      await withDirectory(options.database, async (directory) => {
        for (const m of await directory.list()) io.out(`${m.id.padEnd(24)} ${m.role.padEnd(20)} ${m.recordsPerSecond} records/s  ${m.displayName}`);
      });
    });

  members
    .command('keys <id>')
    .description("a member's API keys (ids and dates; never the keys)")
    .option(...databaseOption(env, 'operator'))
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
    .option(...databaseOption(env, 'operator'))
    .option(...kafkaAdminOption(env))
    .action(async (id: string, options: { database: string; kafkaAdmin: string }) => {
      await logAdministration(io, options.kafkaAdmin, 'administer-members', `issue an API key to ${id}`, id);
      await withDirectory(options.database, async (directory) => {
        io.out(`API key (shown once): ${(await directory.issueKey(id)).plaintext}`);
      });
    });

  members
    .command('rotate-key <id>')
    .description("issue a new API key; the member's other keys expire after the grace period")
    .option('--grace-hours <hours>', 'how long the old keys keep working', '168')
    .option(...databaseOption(env, 'operator'))
    .option(...kafkaAdminOption(env))
    .action(async (id: string, options: { graceHours: string; database: string; kafkaAdmin: string }) => {
      await logAdministration(io, options.kafkaAdmin, 'administer-members', `rotate the API keys of ${id} (grace ${options.graceHours} h)`, id);
      await withDirectory(options.database, async (directory) => {
        const key = await directory.rotateKey(id, positive(options.graceHours, '--grace-hours') * 3600);
        io.out(`API key (shown once): ${key.plaintext}`);
        io.out(`the other keys of ${id} stop working in ${options.graceHours} hours`);
      });
    });

  members
    .command('revoke-key <keyId>')
    .description('revoke an API key at once')
    .option(...databaseOption(env, 'operator'))
    .option(...kafkaAdminOption(env))
    .action(async (keyId: string, options: { database: string; kafkaAdmin: string }) => {
      await logAdministration(io, options.kafkaAdmin, 'administer-members', `revoke API key ${keyId}`, `key:${keyId}`);
      await withDirectory(options.database, async (directory) => {
        io.out(`revoked ${(await directory.revokeKey(keyId)).keyId}`);
      });
    });
}
