import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { memberPermissions, servicePermissions } from '@hub/access';
import { serviceVersion } from '@hub/config';
import { DEPARTMENT_IDS } from '@hub/departments';
import { SERVICE_ROLES } from '@hub/persistence';
import { parseAllDocuments } from 'yaml';
import { strimziAcl } from './kafka-users.js';
import { renderKubernetes } from './render-kubernetes.js';

const folder = join(process.cwd(), 'deploy', 'kubernetes');
const rendered = renderKubernetes(DEPARTMENT_IDS, serviceVersion());
const documentsOf = <T>(path: string): T[] => parseAllDocuments(rendered.find((file) => file.path === path)!.text).map((document) => document.toJS() as T);

function yamlFilesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'secrets' ? [] : yamlFilesUnder(path);
    return entry.name.endsWith('.yaml') ? [relative(folder, path)] : [];
  });
}

describe('renderKubernetes (npx hub deploy render)', () => {
  it('made the committed deploy/kubernetes: each file is what it renders now (run npx hub deploy render after changing apps, topics, permissions or roles)', () => {
    for (const file of rendered) {
      expect(existsSync(join(folder, file.path))).toBe(true);
      expect(readFileSync(join(folder, file.path), 'utf8')).toBe(file.text);
    }
  });

  it('leaves no manifest in deploy/kubernetes that it does not render', () => {
    expect(yamlFilesUnder(folder).sort()).toEqual(rendered.map((file) => file.path).sort());
  });

  it("gives each hub service's KafkaUser exactly the local broker's ACLs for it", () => {
    const users = documentsOf<{ metadata: { name: string }; spec: { authorization: { acls: unknown[] } } }>('kafka/users.yaml');
    const gateway = users.find((user) => user.metadata.name === 'hub-gateway')!;
    expect(gateway.spec.authorization.acls).toEqual(servicePermissions('gateway', DEPARTMENT_IDS).map(strimziAcl));
  });

  it("gives a member department's KafkaUser its own three topics and consumer groups only", () => {
    const users = documentsOf<{ metadata: { name: string }; spec: { authorization: { acls: { resource: { name: string } }[] } } }>('kafka/users.yaml');
    const education = users.find((user) => user.metadata.name === 'education')!;
    expect(education.spec.authorization.acls.map((acl) => acl.resource.name)).toEqual(['hub.inbound.education', 'hub.results.education', 'hub.findings.education', 'education.']);
    expect(education.spec.authorization.acls).toEqual(memberPermissions('education').map(strimziAcl));
  });

  it('writes a prefixed permission as a Strimzi prefix ACL with Kafka operation names', () => {
    expect(strimziAcl({ resource: 'topic', pattern: 'prefixed', name: 'education.', operations: ['read', 'describe'] })).toEqual({
      type: 'allow',
      resource: { type: 'topic', name: 'education.', patternType: 'prefix' },
      operations: ['Read', 'Describe'],
    });
  });

  it('declares a login role in the database cluster for every process role, none a superuser', () => {
    const [cluster] = documentsOf<{ spec: { enableSuperuserAccess: boolean; managed: { roles: { name: string; superuser: boolean }[] } } }>('postgres/cluster.yaml');
    expect(cluster.spec.enableSuperuserAccess).toBe(false);
    expect(cluster.spec.managed.roles.map((role) => role.name).sort()).toEqual(
      Object.values(SERVICE_ROLES)
        .map((spec) => spec.role)
        .sort(),
    );
    expect(cluster.spec.managed.roles.every((role) => !role.superuser)).toBe(true);
  });

  it("replicates every topic three times with min.insync.replicas 2, and a member's inbound topic keeps a week", () => {
    const topics = documentsOf<{ spec: { topicName: string; replicas: number; config: Record<string, unknown> } }>('kafka/topics.yaml');
    expect(topics.every((topic) => topic.spec.replicas === 3 && topic.spec.config['min.insync.replicas'] === 2)).toBe(true);
    expect(topics.find((topic) => topic.spec.topicName === 'hub.inbound.education')!.spec.config['retention.ms']).toBe(String(7 * 86_400_000));
    expect(topics.map((topic) => topic.spec.topicName)).toEqual(expect.arrayContaining(['education.student-aid.granted.v1', 'hub.contracts', 'hub.finding.changed.v1']));
  });
});
