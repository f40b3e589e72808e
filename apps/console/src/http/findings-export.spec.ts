import { strFromU8, unzipSync } from 'fflate';
import type { DeliveredFinding } from '@hub/gateway';
import { findingsCsv, findingsXlsx } from './findings-export.js';

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

/** The workbook's parts by name, as text. */
async function workbookParts(findings: readonly DeliveredFinding[]): Promise<Record<string, string>> {
  const files = unzipSync(new Uint8Array(await findingsXlsx(findings)));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

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

describe('the findings export (XLSX)', () => {
  it('is a workbook with one sheet named 问题线索', async () => {
    const parts = await workbookParts([finding]);
    expect(parts['xl/workbook.xml']).toContain('name="问题线索"');
    expect(Object.keys(parts).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))).toEqual(['xl/worksheets/sheet1.xml']);
  });

  it('holds the headings and each finding as text, the Chinese as it is', async () => {
    const strings = (await workbookParts([finding]))['xl/sharedStrings.xml'];
    expect(strings).toContain('<t>线索编号 finding</t>');
    expect(strings).toContain('<t>家庭为低保户, "未获资助"</t>');
    expect(strings).toContain('<t>studentNumber=G123</t>');
  });

  it('writes a formula-looking explanation as a string, never as a formula', async () => {
    const parts = await workbookParts([{ ...finding, explanation: '=HYPERLINK("x")' }]);
    expect(parts['xl/worksheets/sheet1.xml']).not.toContain('<f>');
    expect(parts['xl/sharedStrings.xml']).toContain('<t>=HYPERLINK("x")</t>');
  });
});
