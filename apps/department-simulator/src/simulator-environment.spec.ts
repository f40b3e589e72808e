import { loadConfig } from '@hub/config';
import { SimulatorEnvironment } from './simulator-environment.js';

describe('a simulated department system’s settings', () => {
  it('need no broker or database address in production: it reaches the hub through the gateway alone', () => {
    const settings = loadConfig(SimulatorEnvironment, { NODE_ENV: 'production', DEPARTMENT: 'education', HUB_API_KEY: 'k'.repeat(32), GATEWAY_URL: 'https://gateway.hub.example:8080' });
    expect(settings).toMatchObject({ NODE_ENV: 'production', DEPARTMENT: 'education' });
  });
});
