import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appUserOf, handFilesTo } from '../../deploy/local/app-user.js';

// Giving a file to another user needs root (npm run image-rehearsal runs so).
const asRoot = process.getuid?.() === 0 ? it : it.skip;

describe('the user the launcher runs the apps as (HUB_APP_USER)', () => {
  it('is read as uid:gid, as a Dockerfile’s USER gives it', () => {
    expect(appUserOf('1000:1000')).toEqual({ uid: 1000, gid: 1000 });
    expect(appUserOf(undefined)).toBeUndefined();
  });

  it('is refused as a name, with the form it takes', () => {
    expect(() => appUserOf('node')).toThrow('HUB_APP_USER must be <uid>:<gid>, e.g. 1000:1000');
  });

  asRoot('is given the files of the local state its environment names, and their folders below the state, and nothing else', () => {
    const state = mkdtempSync(join(tmpdir(), 'hub-app-user-'));
    const outside = mkdtempSync(join(tmpdir(), 'hub-app-user-outside-'));
    try {
      mkdirSync(join(state, 'signing'), { mode: 0o700 });
      const key = join(state, 'signing', 'registry.pem');
      const unnamed = join(state, 'signing', 'crosscheck.pem');
      const elsewhere = join(outside, 'ca.pem');
      for (const file of [key, unnamed, elsewhere]) writeFileSync(file, 'key', { mode: 0o600 });
      handFilesTo({ uid: 1000, gid: 1000 }, { SIGNING_KEY_FILE: key, KAFKA_TLS_CA_FILE: elsewhere, REGION_DIR: unnamed }, state);
      expect([key, join(state, 'signing'), unnamed, state, elsewhere].map((path) => statSync(path).uid)).toEqual([1000, 1000, 0, 0, 0]);
    } finally {
      rmSync(state, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
