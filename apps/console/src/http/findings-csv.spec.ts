import type { DeliveredFinding } from '@hub/gateway';
import { findingsCsv } from './findings-csv.js';

const finding: DeliveredFinding = {
  findingId: 'a'.repeat(64),
  rule: 'student-aid-missing',
  ruleVersion: '1.2.0',
  state: 'open',
  period: '2026-autumn',
  explanation: '家庭为低保户, "未获资助"',
  evidence: [],
  subject: 'p1.person.x',
  recordKeys: { studentNumber: 'G123' },
  responses: [],
  occurredAt: '2026-09-01T00:00:00.000Z',
  sequence: '1',
};

describe('the findings export (CSV)', () => {
  it('starts with a byte order mark and a heading row in Chinese and English', () => {
    expect(findingsCsv([]).startsWith('\uFEFF线索编号 finding,规则 rule,')).toBe(true);
  });

  it('quotes a cell with a comma or a quote, doubling the quote (RFC 4180)', () => {
    expect(findingsCsv([finding])).toContain('"家庭为低保户, ""未获资助"""');
  });

  it("defuses a cell a spreadsheet would run as a formula by prefixing '", () => {
    expect(findingsCsv([{ ...finding, explanation: '=HYPERLINK("x")' }])).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it("lists the member's own record keys", () => {
    expect(findingsCsv([finding])).toContain('studentNumber=G123');
  });
});
