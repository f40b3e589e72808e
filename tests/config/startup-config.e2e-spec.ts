import { AppProcess } from '../support/app-process.js';

describe('an app started with bad settings', () => {
  it('stops with exit code 1 and a message naming each bad variable', async () => {
    const gateway = AppProcess.start('apps/gateway/src/main.js', { HTTP_PORT: 'eighty', KAFKA_BROKERS: 'broker-without-port' });
    expect(await gateway.waitForExit()).toBe(1);
    const output = gateway.lines.join('\n');
    expect(output).toContain('Invalid configuration');
    expect(output).toMatch(/HTTP_PORT: .*"eighty"/);
    expect(output).toMatch(/KAFKA_BROKERS: .*host:port/);
  });
});
