import { Expose } from 'class-transformer';
import { Matches } from 'class-validator';
import { ConfigError } from './config-error.js';
import { HubEnvironment } from './hub-environment.js';
import { loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('gives the single-machine defaults when nothing is set', () => {
    const env = loadConfig(HubEnvironment, {});
    expect(env.HTTP_HOST).toBe('127.0.0.1');
    expect(env.HTTP_PORT).toBe(8080);
    expect(env.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(env.DATABASE_URL).toBe('postgres://hub:hub@127.0.0.1:5432/hub');
  });

  it('parses numbers and comma-separated broker lists from strings', () => {
    const env = loadConfig(HubEnvironment, { HTTP_PORT: '9000', KAFKA_BROKERS: 'k1:9092, k2:9092' });
    expect(env.HTTP_PORT).toBe(9000);
    expect(env.KAFKA_BROKERS).toEqual(['k1:9092', 'k2:9092']);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(HubEnvironment, { HTTP_PORT: '' }).HTTP_PORT).toBe(8080);
  });

  it('ignores variables it does not know', () => {
    expect(loadConfig(HubEnvironment, { PATH: '/usr/bin' })).not.toHaveProperty('PATH');
  });

  it('names every bad variable and the value it got', () => {
    const attempt = () => loadConfig(HubEnvironment, { HTTP_PORT: 'eighty', KAFKA_BROKERS: 'no-port', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const configError = error as ConfigError;
      expect(configError.problems.map((p) => p.variable).sort()).toEqual(['HTTP_PORT', 'KAFKA_BROKERS', 'LOG_LEVEL']);
      expect(configError.message).toContain('HTTP_PORT');
      expect(configError.message).toContain('"eighty"');
      expect(configError.code).toBe('CONFIG_INVALID');
    }
  });

  it('never echoes the value of a secret setting it refuses', () => {
    class AppEnvironment extends HubEnvironment {
      @Expose()
      @Matches(/^\d+:.+$/)
      PSEUDONYM_KEYS!: string;
    }
    expect(() => loadConfig(AppEnvironment, { PSEUDONYM_KEYS: 'not-a-key-ring-s3cret' })).toThrow(/PSEUDONYM_KEYS.*\(value hidden\)/);
    expect(() => loadConfig(AppEnvironment, { PSEUDONYM_KEYS: 'not-a-key-ring-s3cret' })).not.toThrow(/s3cret/);
  });

  it('requires the broker and database addresses to be set in production', () => {
    expect(() => loadConfig(HubEnvironment, { NODE_ENV: 'production' })).toThrow(/KAFKA_BROKERS: must be set when NODE_ENV=production/);
    expect(() => loadConfig(HubEnvironment, { NODE_ENV: 'production', KAFKA_BROKERS: 'k:9092', DATABASE_URL: 'postgres://u:p@db/hub' })).not.toThrow();
  });

  it('lets an app extend the settings with defaults of its own', () => {
    class AppEnvironment extends HubEnvironment {
      override SERVICE_NAME = 'crosscheck';
    }
    expect(loadConfig(AppEnvironment, {}).SERVICE_NAME).toBe('crosscheck');
    expect(loadConfig(AppEnvironment, { SERVICE_NAME: 'crosscheck-2' }).SERVICE_NAME).toBe('crosscheck-2');
  });
});
