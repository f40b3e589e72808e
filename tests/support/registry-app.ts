import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { MemberRole } from '@hub/access';
import { loadConfig } from '@hub/config';
import { findProjectRoot } from '@hub/local-infra';
import { openMemberDirectory } from '@hub/members';
import { createRegistryApp } from '../../apps/registry/src/create-registry-app.js';
import { RegistryEnvironment } from '../../apps/registry/src/registry-environment.js';
import type { TestDatabase } from './test-database.js';
import { testKafkaEnv } from './test-kafka.js';

/** The members a registry test calls as: two departments, an auditor, an integration engineer and a data steward. */
export const REGISTRY_TEST_MEMBERS = {
  education: 'department',
  'civil-affairs': 'department',
  'audit-office': 'auditor',
  'integration-engineer': 'integration-engineer',
  'data-steward': 'data-steward',
} as const satisfies Record<string, MemberRole>;
export type RegistryTestMember = keyof typeof REGISTRY_TEST_MEMBERS;

export interface TestRegistry {
  app: NestExpressApplication;
  url: string;
  /** An API key of each test member. */
  keys: Record<RegistryTestMember, string>;
  /** The Authorization header of a test member (Bearer). */
  as: (member: RegistryTestMember) => { authorization: string };
}

/** Registers the test members that are missing on the suite's database, with a fresh key each. */
async function testMemberKeys(database: TestDatabase): Promise<Record<RegistryTestMember, string>> {
  const { members, close } = await openMemberDirectory(database.url, { migrate: true });
  try {
    const keys = {} as Record<RegistryTestMember, string>;
    for (const [id, role] of Object.entries(REGISTRY_TEST_MEMBERS) as [RegistryTestMember, MemberRole][]) {
      if (!(await members.get(id))) await members.add({ id, role });
      keys[id] = (await members.issueKey(id)).plaintext;
    }
    return keys;
  } finally {
    await close();
  }
}

/** The registry in the test process on a free port, with the standard contracts, on a database of the suite's. */
export async function startRegistry(database: TestDatabase): Promise<TestRegistry> {
  const env = loadConfig(RegistryEnvironment, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    DATABASE_URL: database.url,
    ...testKafkaEnv(),
    CONTRACTS_DIR: join(findProjectRoot(), 'contracts'),
  });
  const app = await createRegistryApp(env, { logger: false });
  await app.listen(0, '127.0.0.1');
  const keys = await testMemberKeys(database);
  return { app, url: await app.getUrl(), keys, as: (member) => ({ authorization: `Bearer ${keys[member]}` }) };
}
