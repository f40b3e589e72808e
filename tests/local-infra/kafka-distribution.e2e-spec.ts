import { ensureKafkaDistribution, findProjectRoot } from '@hub/local-infra';

describe('the local Kafka distribution', () => {
  it('is taken from the cache on a second run, downloading nothing', async () => {
    const logged: string[] = [];
    const distribution = await ensureKafkaDistribution(findProjectRoot(), (line) => logged.push(line));
    expect(distribution.downloaded).toBe(false);
    expect(logged).toEqual([]);
    expect(distribution.version).toMatch(/^4\.\d+\.\d+$/);
  });
});
