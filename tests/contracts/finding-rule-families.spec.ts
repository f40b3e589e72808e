import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from '@hub/local-infra';
import { RULE_FAMILIES } from '@hub/precise-aid';

describe('the finding contract', () => {
  it('names exactly the rule families the crosscheck runs (a new rule family is added to hub.finding.changed.v1 too)', () => {
    const schema = JSON.parse(readFileSync(join(findProjectRoot(), 'contracts/hub/finding.changed.v1.schema.json'), 'utf8')) as { properties: { rule: { enum: string[] } } };
    expect(schema.properties.rule.enum).toEqual([...RULE_FAMILIES]);
  });
});
