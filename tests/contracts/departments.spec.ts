import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEPARTMENT_IDS } from '@hub/departments';
import { findProjectRoot } from '@hub/local-infra';
import { standardContracts } from '../support/standard-contracts.js';

describe('the departments registry and the contracts', () => {
  it('hub.finding.changed.v1 routes findings to exactly the registered departments', () => {
    const schema = JSON.parse(readFileSync(join(findProjectRoot(), 'contracts/hub/finding.changed.v1.schema.json'), 'utf8')) as { properties: { routedTo: { enum: string[] } } };
    expect([...schema.properties.routedTo.enum].sort()).toEqual([...DEPARTMENT_IDS].sort());
  });

  it('every standard contract is owned by a registered department, or by the hub', () => {
    const owners = new Set(standardContracts().map((c) => c.binding.owner));
    expect([...owners].filter((owner) => owner !== 'hub' && !(DEPARTMENT_IDS as readonly string[]).includes(owner))).toEqual([]);
  });

  it('every registered department publishes at least one standard contract', () => {
    const owners = new Set(standardContracts().map((c) => c.binding.owner));
    expect(DEPARTMENT_IDS.filter((id) => !owners.has(id))).toEqual([]);
  });
});
