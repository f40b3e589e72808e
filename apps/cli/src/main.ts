/**
 * `npx hub`: the hub's command for integration engineers, auditors and operators.
 * Exit codes: 0 done, 1 a check failed (incompatible, invalid events), 2 bad input or an error.
 */
import { nodeRuntime } from '@hub/runtime'; // first: a Node.js older than 24.15 stops here, with a clear message
import { Command, CommanderError } from 'commander';
import { loadConfig, serviceVersion } from '@hub/config';
import { ContractSchemaError } from '@hub/contracts';
import { RegistryRequestError } from '@hub/registry-client';
import { PolicyDocumentError } from '@hub/replay';
import { addAuditCommands } from './audit/audit.commands.js';
import { CliEnvironment } from './cli-environment.js';
import { addContractsCommands } from './contracts/contracts.commands.js';
import { addDbCommands } from './db/db.commands.js';
import { addDemoCommands } from './demo/demo.commands.js';
import { addDeployCommands } from './deploy/deploy.commands.js';
import { addFindingsCommand } from './findings/findings.commands.js';
import { addMembersCommands } from './members/members.commands.js';
import { addReplayCommand } from './replay/replay.commands.js';
import { addUsersCommands } from './users/users.commands.js';
import { printable } from './printable.js';
import { InputError } from './read-input.js';

const program = new Command('hub').description('the data-sharing hub').version(`${serviceVersion()} (${nodeRuntime()})`).exitOverride();
const io = {
  // Everything printed may hold the hub's data: no control character reaches the terminal.
  out: (line: string) => process.stdout.write(`${printable(line)}\n`),
  fail: (code: number) => (process.exitCode = code),
};
try {
  // The environment is read and checked once, by the services' loader: a bad setting stops every command, naming it.
  const env = loadConfig(CliEnvironment);
  addContractsCommands(program, io, env);
  addMembersCommands(program, io, env);
  addUsersCommands(program, io, env);
  addDbCommands(program, io, env);
  addDemoCommands(program, io);
  addDeployCommands(program, io);
  addAuditCommands(program, io, env);
  addReplayCommand(program, io, env);
  addFindingsCommand(program, io, env);
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof RegistryRequestError || error instanceof InputError || error instanceof ContractSchemaError || error instanceof PolicyDocumentError || error instanceof Error) {
    const detail = error instanceof RegistryRequestError && error.errorCode ? ` (registry error ${error.errorCode})` : '';
    process.stderr.write(`hub: ${printable(error.message)}${detail}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
