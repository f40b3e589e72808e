/**
 * Progress of a long run on the terminal (stderr): done of total, rate, time left; at most once a
 * second, so it costs nothing however small the steps.
 */
export class ProgressLine {
  private readonly started = Date.now();
  private lastShown = 0;

  constructor(
    private readonly what: string,
    private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {}

  update(done: number, total: number): void {
    const now = Date.now();
    if (now - this.lastShown < 1000 && done < total) return;
    this.lastShown = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const left = rate > 0 ? Math.ceil((total - done) / rate) : undefined;
    this.write(`  ${done.toLocaleString('en')} of ${total.toLocaleString('en')} ${this.what}, ${Math.round(rate).toLocaleString('en')}/s${left === undefined ? '' : `, about ${left} s left`}`);
  }
}
