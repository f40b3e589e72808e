import { dropKafkajsTimerWarnings } from './kafkajs-timer-warning.js';

describe('the warnings of a process that uses kafkajs', () => {
  const printed: string[] = [];
  const print = (warning: Error) => printed.push(`${warning.name}: ${warning.message}`);
  let before: ((warning: Error) => void)[];

  beforeAll(() => {
    before = process.listeners('warning');
    process.removeAllListeners('warning');
    process.on('warning', print);
    dropKafkajsTimerWarnings();
  });

  afterAll(() => {
    process.removeAllListeners('warning');
    for (const listener of before) process.on('warning', listener);
  });

  const warn = (name: string, stackFrom: string) => {
    const warning = Object.assign(new Error('-1796509680356 is a negative number.'), { name });
    warning.stack = `${name}: ${warning.message}\n    at RequestQueue.scheduleCheckPendingRequests (${stackFrom})`;
    process.emit('warning', warning);
  };

  it('drops the negative-timer warning kafkajs raises on every connection', () => {
    warn('TimeoutNegativeWarning', '/app/node_modules/kafkajs/src/network/requestQueue/index.js:317:37');
    expect(printed).toEqual([]);
  });

  it('prints the same warning raised by anything else, and every other warning', () => {
    warn('TimeoutNegativeWarning', '/app/libs/mine.js:1:1');
    warn('DeprecationWarning', '/app/node_modules/kafkajs/src/index.js:1:1');
    expect(printed).toEqual(['TimeoutNegativeWarning: -1796509680356 is a negative number.', 'DeprecationWarning: -1796509680356 is a negative number.']);
  });
});
