import { processEnvironment } from '../../deploy/local/process-environment.js';

const secrets = { DATABASE_URL: 'postgres://hub@db/hub', PSEUDONYM_KEYS: '1:secret', AUDIT_SIGNING_KEY_FILE: '/keys/audit.pem', HUB_API_KEY: 'hub_k.s' };
const base = { PATH: '/usr/bin', LOG_LEVEL: 'info', DATABASE_URL: 'postgres://exported@elsewhere/hub', KAFKA_BROKERS: '127.0.0.1:9092' };

describe('the environment npm start gives each process (issue 19: only the secrets it uses)', () => {
  it('gives a department simulator its API key and the common settings, not the pseudonym key or the database URL', () => {
    const env = processEnvironment(base, secrets, ['HUB_API_KEY'], { DEPARTMENT: 'education' });
    expect(env).toEqual({ PATH: '/usr/bin', LOG_LEVEL: 'info', KAFKA_BROKERS: '127.0.0.1:9092', HUB_API_KEY: 'hub_k.s', DEPARTMENT: 'education' });
  });

  it('gives the gateway the database and the pseudonym key, not the audit signing key', () => {
    const env = processEnvironment(base, secrets, ['DATABASE_URL', 'PSEUDONYM_KEYS']);
    expect(env['DATABASE_URL']).toBe('postgres://hub@db/hub');
    expect(env['PSEUDONYM_KEYS']).toBe('1:secret');
    expect(env['AUDIT_SIGNING_KEY_FILE']).toBeUndefined();
  });

  it('refuses to start a process whose secret the launcher does not have', () => {
    expect(() => processEnvironment(base, {}, ['PSEUDONYM_KEYS'])).toThrow('the launcher has no PSEUDONYM_KEYS to give');
  });
});
