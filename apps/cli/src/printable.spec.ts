import { printable } from './printable.js';

describe('a line the hub command prints', () => {
  it('shows an escape sequence from the data as text, so the terminal does not act on it', () => {
    expect(printable('reason: \u001b]0;pwned\u0007 \u001b[2J done')).toBe('reason: \\x1b]0;pwned\\x07 \\x1b[2J done');
  });

  it('shows C1 controls and DEL as text too', () => {
    expect(printable('a\u009bb\u007fc')).toBe('a\\x9bb\\x7fc');
  });

  it('keeps Chinese text, tabs and line feeds as they are', () => {
    expect(printable('已补助\t马小军\n第二行')).toBe('已补助\t马小军\n第二行');
  });
});
