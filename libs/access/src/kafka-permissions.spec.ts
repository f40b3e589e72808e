import { memberPermissions, servicePermissions, servicePermissionsForDepartment } from './kafka-permissions.js';

describe('the Kafka permissions (issue 19)', () => {
  it('give a member exactly its inbound topic to write, its results and findings to read, and its own consumer groups', () => {
    expect(memberPermissions('education')).toEqual([
      { resource: 'topic', pattern: 'literal', name: 'hub.inbound.education', operations: ['write', 'describe'] },
      { resource: 'topic', pattern: 'literal', name: 'hub.results.education', operations: ['read', 'describe'] },
      { resource: 'topic', pattern: 'literal', name: 'hub.findings.education', operations: ['read', 'describe'] },
      { resource: 'group', pattern: 'prefixed', name: 'education.', operations: ['read', 'describe'] },
    ]);
  });

  it('never let the crosscheck read an inbound topic, nor write a canonical one', () => {
    const permissions = servicePermissions('crosscheck', ['education']);
    expect(permissions.some((p) => p.name.startsWith('hub.inbound') || p.name === '*')).toBe(false);
    expect(permissions.filter((p) => p.name === 'education.').flatMap((p) => p.operations)).not.toContain('write');
  });

  it("open a new department's canonical namespace to the gateway, the crosscheck and the registry only", () => {
    expect(servicePermissionsForDepartment('housing').map((entry) => entry.service)).toEqual(['gateway', 'registry', 'crosscheck', 'console']);
  });
});
