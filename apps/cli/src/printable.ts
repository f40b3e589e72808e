// C0 controls but tab and line feed, DEL, and C1 controls: the ones a terminal may act on.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * A line as the terminal may show it: control characters from the hub's data (a department's
 * free text, a contract's description) written as `\x1b` and the like, so that no escape
 * sequence in them can move the cursor, rewrite the screen or set the terminal's title.
 */
export function printable(line: string): string {
  return line.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
