import { ProgressLine } from './progress-line.js';

/** A progress line on a clock the test moves, writing into a list. */
function progressOn(what: string) {
  let now = 0;
  const lines: string[] = [];
  const progress = new ProgressLine(
    what,
    (line) => lines.push(line),
    () => now,
  );
  return { progress, lines, advance: (ms: number) => (now += ms) };
}

describe('the progress line of a long run', () => {
  it('shows done of total, the rate and the time left once a second has passed', () => {
    const { progress, lines, advance } = progressOn('entries verified');
    advance(2000);
    progress.update(5000, 20000);
    expect(lines).toEqual(['  5,000 of 20,000 entries verified, 2,500/s, about 6 s left']);
  });

  it('shows nothing more often than once a second while the work goes on', () => {
    const { progress, lines, advance } = progressOn('persons');
    advance(1500);
    progress.update(10, 100);
    advance(500);
    progress.update(20, 100);
    expect(lines).toHaveLength(1);
  });

  it('shows the end at once, with no time left', () => {
    const { progress, lines, advance } = progressOn('persons');
    advance(1500);
    progress.update(10, 100);
    advance(100);
    progress.update(100, 100);
    expect(lines.at(-1)).toBe('  100 of 100 persons, 63/s');
  });

  it('shows no rate for work done within its first second, where it would be 0/s or millions', () => {
    const { progress, lines } = progressOn('persons judged');
    progress.update(975, 975);
    expect(lines).toEqual(['  975 of 975 persons judged']);
  });

  it('shows what is done and the rate where the total is not known', () => {
    const { progress, lines, advance } = progressOn('records read');
    advance(4000);
    progress.update(1000);
    expect(lines).toEqual(['  1,000 records read, 250/s']);
  });
});
