/**
 * Progress of a long run on the terminal (stderr): done of total, rate, time left; at most once a
 * second, so it costs nothing however small the steps.
 */
export class ProgressLine {
  private readonly started: number;
  private lastShown: number;

  constructor(
    private readonly what: string,
    private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
    private readonly now: () => number = Date.now,
  ) {
    this.started = this.lastShown = now();
  }

  /** Without a total (not known in advance), only what is done and the rate. */
  update(done: number, total?: number): void {
    const now = this.now();
    if (now - this.lastShown < 1000 && (total === undefined || done < total)) return;
    this.lastShown = now;
    const seconds = (now - this.started) / 1000;
    const amount = total === undefined ? done.toLocaleString('en') : `${done.toLocaleString('en')} of ${total.toLocaleString('en')}`;
    // Under a second says nothing of a rate: work done at once would show 0/s, or millions.
    if (seconds < 1) {
      this.write(`  ${amount} ${this.what}`);
      return;
    }
    const rate = done / seconds;
    const left = total !== undefined && done < total && rate > 0 ? `, about ${Math.ceil((total - done) / rate)} s left` : '';
    this.write(`  ${amount} ${this.what}, ${Math.round(rate).toLocaleString('en')}/s${left}`);
  }
}
