import { RecentlyWritten } from './recently-written.js';

describe('what the gateway wrote lately (RecentlyWritten)', () => {
  it('holds the keys added, so their rows are not sealed and written again', () => {
    const written = new RecentlyWritten(10);
    written.addAll(['vault:p1', 'key:p1']);
    expect([written.has('vault:p1'), written.has('key:p1'), written.has('vault:p2')]).toEqual([true, true, false]);
  });

  it('starts afresh when full, so its memory stays bounded; a key it forgot is only written again', () => {
    const written = new RecentlyWritten(2);
    written.addAll(['a', 'b', 'c']);
    expect([written.has('a'), written.has('b'), written.has('c')]).toEqual([false, false, true]);
  });
});
