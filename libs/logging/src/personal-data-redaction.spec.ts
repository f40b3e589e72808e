import { Writable } from 'node:stream';
import pino from 'pino';
import { HubEnvironment, loadConfig } from '@hub/config';
import { createLoggerParams } from './logger-params.js';
import { scrubIdentityNumbers } from './personal-data-redaction.js';

/** A valid resident identity number (银川 兴庆区, check character X). */
const IDENTITY_NUMBER = '64010419900307001X';

function captureLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const env = loadConfig(HubEnvironment, { LOG_FORMAT: 'json' });
  const { pinoHttp } = createLoggerParams(env, { name: 'test', version: '1' }) as { pinoHttp: pino.LoggerOptions };
  return { logger: pino({ ...pinoHttp, transport: undefined }, sink), lines };
}

describe('scrubIdentityNumbers', () => {
  it('masks an identity number inside free text', () => {
    expect(scrubIdentityNumbers(`no household for ${IDENTITY_NUMBER} found`)).toBe('no household for [ID-REDACTED] found');
  });

  it('leaves longer digit runs such as offsets and timestamps alone', () => {
    expect(scrubIdentityNumbers('offset 1234567890123456789012')).toBe('offset 1234567890123456789012');
  });
});

describe('hub log lines', () => {
  it('carry the service name and version', () => {
    const { logger, lines } = captureLogger();
    logger.info('hello');
    expect(lines[0]).toMatchObject({ service: 'test', version: '1', level: 'info', msg: 'hello' });
  });

  it("put Nest's start-up inventory (modules initialised, routes mapped) at debug, and leave other info lines alone", () => {
    const { logger, lines } = captureLogger();
    logger.level = 'debug';
    logger.info({ context: 'RouterExplorer' }, 'Mapped {/findings, GET} route');
    logger.info({ context: 'PublishService' }, 'published');
    expect(lines.map((line) => [line['msg'], line['level']])).toEqual([
      ['Mapped {/findings, GET} route', 'debug'],
      ['published', 'info'],
    ]);
  });

  it('redact personal fields wherever they sit', () => {
    const { logger, lines } = captureLogger();
    logger.info({ idNumber: IDENTITY_NUMBER, member: { name: '张三', phone: '13800000000' }, household: 'HH-1' }, 'member added');
    expect(lines[0]).toMatchObject({ idNumber: '[REDACTED]', member: { name: '[REDACTED]', phone: '[REDACTED]' }, household: 'HH-1' });
  });

  it('mask identity numbers in messages and error text', () => {
    const { logger, lines } = captureLogger();
    logger.error({ err: new Error(`bad check character in ${IDENTITY_NUMBER}`) }, `rejected ${IDENTITY_NUMBER}`);
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain(IDENTITY_NUMBER);
    expect(lines[0]['msg']).toBe('rejected [ID-REDACTED]');
  });
});
