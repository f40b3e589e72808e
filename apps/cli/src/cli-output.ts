/** Where a command writes: lines for the user, and the exit code of a failed check. */
export interface CliOutput {
  out(line: string): void;
  /** Sets the exit code without stopping (a failed check still prints everything). */
  fail(code: number): void;
}
