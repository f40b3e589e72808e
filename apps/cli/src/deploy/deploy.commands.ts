import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { serviceVersion } from '@hub/config';
import { DEPARTMENT_IDS } from '@hub/departments';
import type { CliOutput } from '../cli-output.js';

const DEFAULT_FOLDER = 'deploy/kubernetes';
/** The folder beside kustomization.yaml that `hub deploy secrets` fills (libs/deployment's SECRETS_FOLDER; a spec keeps them one). */
export const SECRETS_SUBFOLDER = 'secrets';
/** Loaded only by these commands: rendering needs the gateway's topics and the contracts, which every other command can do without. */
const deployment = () => import('@hub/deployment');
const listOf = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

/** `hub deploy ...`: the hub's Kubernetes manifests, made from its code, and the secrets they need. */
export function addDeployCommands(program: Command, io: CliOutput): void {
  const deploy = program.command('deploy').description('deploying the hub on Kubernetes (Strimzi, CloudNativePG): manifests and secrets');

  deploy
    .command('render')
    .description('write the manifests (kubectl apply -k) from the apps, topics, Kafka permissions and database roles')
    .option('--out <folder>', 'where to write them', DEFAULT_FOLDER)
    .option('--departments <ids>', 'the member departments, comma-separated (each gets its topics and its Kafka user)', DEPARTMENT_IDS.join(','))
    .option('--image-version <tag>', "the image's tag", serviceVersion())
    .action(async (options: { out: string; departments: string; imageVersion: string }) => {
      const files = (await deployment()).renderKubernetes(listOf(options.departments), options.imageVersion);
      for (const file of files) {
        const path = join(options.out, file.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.text);
      }
      io.out(`wrote ${files.length} files to ${resolve(options.out)}; next: npx hub deploy secrets --out ${join(options.out, SECRETS_SUBFOLDER)}, then kubectl apply -k ${options.out}`);
    });

  deploy
    .command('secrets')
    .description('make the key rings, signing keys and database passwords kubectl apply -k turns into Secrets (files there are kept)')
    .option('--out <folder>', 'where to write them (keep them out of version control)', join(DEFAULT_FOLDER, SECRETS_SUBFOLDER))
    .action(async (options: { out: string }) => {
      const written = (await deployment()).writeDeploymentSecrets(options.out);
      io.out(
        written.length === 0
          ? `every secret is already in ${resolve(options.out)}; none was changed`
          : `made ${written.length} secrets in ${resolve(options.out)} (this user only): ${written.join(', ')}`,
      );
    });
}
