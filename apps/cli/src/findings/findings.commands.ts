import type { CliEnvironment } from '../cli-environment.js';
import type { Command } from 'commander';
import { HubClient } from '@hub/hub-client';
import type { CliOutput } from '../cli-output.js';
import { LOCAL_KEY_FILE, memberKey } from '../member-key.js';
import { InputError } from '../read-input.js';

/** `hub findings`: the findings a member is told of, through the gateway, as that member sees them. */
export function addFindingsCommand(program: Command, io: CliOutput, env: CliEnvironment): void {
  program
    .command('findings')
    .description("list the findings routed to a member (an auditor sees every department's), through the gateway")
    .option('--as <member>', 'whose view: a department, or the audit office for all', 'audit-office')
    .option('--state <state>', 'open or closed')
    .option('--rule <rule>', 'one rule family, e.g. missed-student-aid')
    .option('--limit <n>', 'at most this many', '50')
    .option('--key-file <file>', 'API keys by member (HUB_API_KEY wins)', LOCAL_KEY_FILE)
    .option('--gateway <url>', 'the gateway', env.HUB_GATEWAY_URL)
    .option('--json', "print the gateway's page as JSON: the findings in full, and the cursor of the next page")
    .action(async (options: { as: string; state?: string; rule?: string; limit: string; keyFile: string; gateway: string; json?: boolean }) => {
      if (options.state !== undefined && options.state !== 'open' && options.state !== 'closed') throw new InputError(`--state must be open or closed, not "${options.state}"`);
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new InputError(`--limit must be a whole number from 1 to 1000, not "${options.limit}"`);
      const client = new HubClient({ gatewayUrl: options.gateway, apiKey: memberKey(env, options.as, options.keyFile), attempts: 1 });
      const page = await client.findings({ limit, ...(options.state ? { state: options.state } : {}), ...(options.rule ? { rule: options.rule } : {}) });
      if (options.json) {
        io.out(JSON.stringify(page, null, 2));
        return;
      }
      if (page.items.length === 0) {
        io.out(`no findings for ${options.as}${options.state ? ` (${options.state})` : ''} yet`);
        return;
      }
      for (const finding of page.items) {
        const answer = finding.responses.at(-1);
        io.out(
          `${finding.state.padEnd(6)} ${finding.rule.padEnd(30)} ${finding.period.padEnd(12)} ${finding.findingId.slice(0, 12)}  ${finding.explanation}${answer ? `  [${answer.response}${answer.reason ? `: ${answer.reason}` : ''}]` : ''}`,
        );
      }
      if (page.nextCursor) io.out(`... more: --limit up to 1000, or GET /v1/findings?after=${page.nextCursor}`);
    });
}
