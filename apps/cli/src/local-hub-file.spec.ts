import { localHubFile } from './local-hub-file.js';

describe('a file of the local hub’s state, as the hub command finds it', () => {
  it('is in .hub/, where npm start keeps it', () => {
    expect(localHubFile('api-keys.json', {})).toBe('.hub/api-keys.json');
  });

  it('is in HUB_HOME when npm start was told to keep its state there', () => {
    expect(localHubFile('api-keys.json', { HUB_HOME: '/srv/hub-state' })).toBe('/srv/hub-state/api-keys.json');
  });
});
