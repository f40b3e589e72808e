import { requestsOf, type StampedRecord } from './produce-requests.js';

const record = (value: string): StampedRecord => ({ topic: 't', key: 'k', value, headers: { ce_id: '1' } });

describe('cutting records into produce requests', () => {
  it('keeps records together up to 900 KB, then starts a new request, in order', () => {
    const records = Array.from({ length: 25 }, (_, i) => record(String(i % 10).repeat(100_000)));
    const requests = requestsOf(records);
    expect(requests.map((r) => r.length)).toEqual([8, 8, 8, 1]);
    expect(requests.flat()).toEqual(records);
  });

  it('counts UTF-8 bytes: Chinese text weighs three bytes a character', () => {
    expect(requestsOf(Array.from({ length: 4 }, () => record('马'.repeat(100_000)))).map((r) => r.length)).toEqual([2, 2]);
  });

  it('sends a single record larger than the limit on its own', () => {
    expect(requestsOf([record('x'), record('y'.repeat(2_000_000)), record('z')]).map((r) => r.length)).toEqual([1, 1, 1]);
  });
});
