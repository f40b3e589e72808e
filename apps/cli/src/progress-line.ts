/**
 * Progress of a long run on the terminal (stderr): done of total, rate, time left; at most once a
 * second, so it costs nothing however small the steps.
 */
export class ProgressLine {
  private readonly started = Date.now();
  private lastShown = Date.now();

  constructor(
    private readonly what: string,
    private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {}

  /** Without a total (not known in advance), only what is done and the rate. */
  update(done: number, total?: number): void {
    const now = Date.now();
    if (now - this.lastShown < 1000 && (total === undefined || done < total)) return;
    this.lastShown = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const left = rate > 0 && total !== undefined ? Math.ceil((total - done) / rate) : undefined;
    const amount = total === undefined ? done.toLocaleString('en') : `${done.toLocaleString('en')} of ${total.toLocaleString('en')}`;
    this.write(`  ${amount} ${this.what}, ${Math.round(rate).toLocaleString('en')}/s${left === undefined ? '' : `, about ${left} s left`}`);
  }
}
