/**
 * Issue 24: the console in a real browser (Debian's Chromium, driven by playwright-core) against
 * a hub the test starts — gateway, crosscheck and console as processes, the registry's contracts
 * on the same PostgreSQL. People sign in (with the second factor), work a finding, reveal an
 * identity where the rule grants it, search as the auditor, check a candidate contract; every role
 * is refused what it may not see; every main page passes axe-core with no serious violation.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ConsoleUsers, PostgresConsoleUserRepository, totpCode, totpStep, type ConsoleRole } from '@hub/console-users';
import { findProjectRoot, freePort, LocalKafkaBroker } from '@hub/local-infra';
import { ACCESS_LOG_TOPIC, MemberDirectory, type AccessLogEntry } from '@hub/members';
import { ErrorCode, HubError } from '@hub/errors';
import { createKafkaClient, deadLetterRecord, readTopicWindow } from '@hub/messaging';
import { openMigratedDataSource } from '@hub/persistence';
import { AppProcess } from '../support/app-process.js';
import { auditKeyFiles, startAudit, TEST_AUDIT_STORE_KEYS } from '../support/audit-process.js';
import { launchChromium, SCREENSHOTS } from '../support/chromium.js';
import { EVALUATION_DATE, startCrosscheck } from '../support/crosscheck-process.js';
import { eventually } from '../support/eventually.js';
import { asMember, bodyOf, publishOne, startGatewayTestBed, TEST_ENVELOPE_KEYS, TEST_PSEUDONYM_KEYS, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { freshIdentityNumber } from '../support/identity-numbers.js';
import { startRegistry, type TestRegistry } from '../support/registry-app.js';
import { createTestTopics, testKafkaEnv, testKafkaSettings } from '../support/test-kafka.js';
import { contractExample } from '../support/contract-examples.js';
import { uniqueName } from '../support/unique-name.js';
import { ownBrokerOptions } from '../support/own-broker.js';

const MONITORING = 'rural-revitalisation.monitoring-status.changed.v1';
const HOUSEHOLD = 'civil-affairs.household-status.changed.v1';
const ENROLMENT = 'education.student-enrolment.changed.v1';
const AID = 'education.student-aid.granted.v1';
const NEW_PASSWORD = 'Liupan-Shan-2026';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface TestUser {
  username: string;
  member: string;
  role: ConsoleRole;
  displayName: string;
  password?: string;
}

const USERS = {
  healthcare: { username: 'ma.li', member: 'healthcare-security', role: 'department-officer', displayName: '马丽' },
  education: { username: 'zhang.min', member: 'education', role: 'department-officer', displayName: '张敏' },
  auditor: { username: 'wang.fang', member: 'audit-office', role: 'auditor', displayName: '王芳' },
  engineer: { username: 'li.jun', member: 'integration-engineer', role: 'integration-engineer', displayName: '李军' },
  secadmin: { username: 'zhao.lei', member: 'hub', role: 'security-administrator', displayName: '赵磊' },
} satisfies Record<string, TestUser>;
type UserKey = keyof typeof USERS;

describe('the console in a real browser (issue 24)', () => {
  let bed: GatewayTestBed;
  let crosscheck: AppProcess;
  let registry: TestRegistry;
  let consoleApp: AppProcess;
  let audit: AppProcess;
  let broker: LocalKafkaBroker;
  let url: string;
  let browser: Browser;
  const passwords: Record<string, string> = {};
  /** The authenticator secret each user with a second factor enrolled, and the last step used (a code is good once). */
  const authenticators: Record<string, { secret: string; lastStep: number }> = {};
  const contexts: Partial<Record<UserKey, { context: BrowserContext; page: Page }>> = {};
  const uninsured = freshIdentityNumber({ from: 1970, to: 1990 });
  const child = freshIdentityNumber();
  const started = Date.now();

  beforeAll(async () => {
    browser = await launchChromium();
    const departments = ['education', 'civil-affairs', 'rural-revitalisation', 'healthcare-security'];
    // A broker of the suite's own: the crosscheck and the audit read every topic from its beginning, which on the shared broker holds every suite's records.
    broker = await LocalKafkaBroker.start(await ownBrokerOptions(mkdtempSync(join(tmpdir(), 'hub-console-'))));
    const brokers = [broker.bootstrapServers];
    bed = await startGatewayTestBed('console-browser', {
      members: [...departments.map((id) => ({ id, role: 'department' as const })), { id: 'audit-office', role: 'auditor' }, { id: 'integration-engineer', role: 'integration-engineer' }],
      brokers,
    });
    registry = await startRegistry(bed.database);
    crosscheck = await startCrosscheck(bed.database.url, bed.findingsTopic, { settleMs: 300, brokers });
    // The audit records every topic of the suite's broker, as it does in the hub.
    const auditKeys = auditKeyFiles();
    audit = await startAudit(bed.database.url, { topics: '^(?!__)', signingKeyFile: auditKeys.signingKeyFile, brokers });
    const dataSource = await openMigratedDataSource(bed.database.url);
    const users = new ConsoleUsers(new PostgresConsoleUserRepository(dataSource), new MemberDirectory(dataSource));
    for (const user of Object.values(USERS)) passwords[user.username] = (await users.add(user)).initialPassword;
    await dataSource.destroy();
    const port = await freePort();
    consoleApp = AppProcess.start('apps/console/src/main.js', {
      SERVICE_NAME: uniqueName('console').replace(/_/g, '-'),
      HTTP_PORT: String(port),
      DATABASE_URL: bed.database.url,
      ...testKafkaEnv(brokers),
      CONSOLE_KEYS: `1:${Buffer.alloc(32, 5).toString('base64')}`,
      PSEUDONYM_KEYS: TEST_PSEUDONYM_KEYS,
      ENVELOPE_KEYS: TEST_ENVELOPE_KEYS,
      CONTRACTS_TOPIC: bed.contractsTopic,
      CONSOLE_SERVICES: `gateway=${bed.url},crosscheck=${crosscheck.url!},registry=${registry.url}`,
      FINDINGS_TOPIC: bed.findingsTopic,
      AUDIT_DATABASE_URL: bed.database.url,
      AUDIT_STORE_KEYS: TEST_AUDIT_STORE_KEYS,
      AUDIT_PUBLIC_KEY_FILE: auditKeys.publicKeyFile,
    });
    url = `http://127.0.0.1:${port}`;
    await eventually('the console is ready', async () => {
      if (consoleApp.exited) throw new Error(`the console exited:\n${consoleApp.lines.join('\n')}`);
      return fetch(`${url}/health/ready`).then(
        (response) => response.ok,
        () => false,
      );
    });
    // An uninsured monitored person (insurance gap, which grants Healthcare Security a reveal) and a 低保 child without aid (missed aid, which grants none).
    await publishOne(bed, 'rural-revitalisation', MONITORING, {
      householdNumber: `640104-${uniqueName('m').slice(-6)}`,
      monitoringType: 'unstable-alleviated',
      change: 'monitoring-started',
      monitoringFrom: '2026-01-15',
      monitoringTo: null,
      members: [{ idNumber: uninsured, name: '杨秀英', relationToHead: 'head' }],
    });
    await publishOne(bed, 'education', ENROLMENT, { idNumber: child, studentNumber: `G${child}`, term: '2026-spring', stage: 'compulsory', schoolCode: '2164010401', effectiveDate: '2026-02-15' });
    await publishOne(bed, 'civil-affairs', HOUSEHOLD, {
      householdNumber: `640104-${uniqueName('h').slice(-6)}`,
      category: 'dibao',
      change: 'granted',
      effectiveFrom: '2026-03-01',
      effectiveTo: null,
      members: [{ idNumber: child, name: '马小军', relationToHead: 'child' }],
    });
    await eventually('both findings held by the gateway', async () => {
      const rows: { rule: string }[] = await bed.database.query("SELECT rule FROM gateway_finding WHERE state = 'open' AND rule IN ('insurance-gap', 'missed-student-aid')");
      return new Set(rows.map((row) => row.rule)).size === 2;
    });
  });

  afterAll(async () => {
    for (const entry of Object.values(contexts)) await entry.context.close();
    await browser?.close();
    await consoleApp?.stop();
    await audit?.stop();
    await crosscheck?.stop();
    await registry?.app.close();
    await bed?.stop();
    await broker?.stop();
  });

  /** The next code of a user's authenticator, waiting for a new 30-second step when the last one was used. */
  const nextCode = async (username: string): Promise<string> => {
    const authenticator = authenticators[username];
    await eventually(`a new TOTP step for ${username}`, async () => totpStep(new Date()) > authenticator.lastStep, 40_000);
    authenticator.lastStep = totpStep(new Date());
    return totpCode(authenticator.secret, authenticator.lastStep);
  };

  /** Signs a user in through the pages: the first password, a new one, and the authenticator (enrolled at the first sign-in) where the role asks for it. */
  const signIn = async (key: UserKey): Promise<Page> => {
    const existing = contexts[key];
    if (existing) return existing.page;
    const user = USERS[key];
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    contexts[key] = { context, page };
    await page.goto(url);
    await page.getByLabel('用户名').fill(user.username);
    await page.getByLabel('密码', { exact: true }).fill(passwords[user.username]);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByLabel('当前密码').fill(passwords[user.username]);
    await page.getByLabel('新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '修改密码' }).click();
    if (['auditor', 'security-administrator', 'department-administrator'].includes(user.role)) {
      const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
      authenticators[user.username] = { secret, lastStep: 0 };
      await page.getByLabel('动态验证码').fill(await nextCode(user.username));
      await page.getByRole('button', { name: '确认' }).click();
    }
    await page.getByText(`当前用户: ${user.displayName}`).waitFor();
    return page;
  };

  /** axe-core on the page as it stands: the serious and critical violations, by rule and where. */
  const seriousViolations = async (page: Page): Promise<string[]> => {
    // Evaluated through the DevTools protocol, which the page's Content-Security-Policy (no inline scripts) does not govern.
    await page.evaluate(axeSource);
    const violations = await page.evaluate<{ id: string; impact: string | null; nodes: { target: string[] }[] }[]>('axe.run(document).then((results) => results.violations)');
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };

  /** The status and message the console's API answers a signed-in page's request with. */
  const apiFrom = (page: Page, method: string, path: string, body?: unknown) =>
    page.evaluate(
      async ({ method, path, body }) => {
        const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
        const response = await fetch(path, {
          method,
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        return { status: response.status, message: ((await response.json()) as { message?: string }).message };
      },
      { method, path, body },
    );

  it('shows the sign-in page in Chinese first, with no serious accessibility violation', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: '登录' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-in.png') });
    expect([await page.getAttribute('html', 'lang'), await seriousViolations(page)]).toEqual(['zh-CN', []]);
    await context.close();
  });

  it('refuses a wrong password with a clear message and no session', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.getByLabel('用户名').fill(USERS.education.username);
    await page.getByLabel('密码', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('用户名或密码错误');
    await context.close();
  });

  it('has an auditor enrol an authenticator at the first sign-in and come in with its code', async () => {
    const page = await signIn('auditor');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('跨部门线索检索');
  });

  it("shows a department officer the member's open findings, and no serious accessibility violation", async () => {
    const page = await signIn('education');
    await page.getByRole('cell', { name: 'missed-student-aid' }).first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'findings-inbox.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("exports the officer's view as an Excel workbook holding the findings shown", async () => {
    const page = await signIn('education');
    await page.getByRole('cell', { name: 'missed-student-aid' }).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 Excel' }).click()]);
    const sheets = unzipSync(new Uint8Array(readFileSync(await download.path())));
    const text = Object.entries(sheets)
      .filter(([name]) => name.startsWith('xl/'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n');
    expect([download.suggestedFilename(), text.includes('missed-student-aid'), text.includes('线索编号 finding')]).toEqual(['findings-education.xlsx', true, true]);
  });

  it("counts an officer's findings by county and filters them by one (the county the household's record names)", async () => {
    const page = await signIn('healthcare');
    await page
      .getByRole('row', { name: /insurance-gap/ })
      .nth(1)
      .waitFor();
    // The monitored person's household is in 同心县 (640324), the 低保 child's in 兴庆区 (640104).
    const byCounty = await page.locator('.ant-card', { hasText: '按县区统计' }).innerText();
    expect([byCounty.includes('同心县 640324'), byCounty.includes('银川市兴庆区 640104')]).toEqual([true, true]);
    await page.getByLabel('县区').fill('同心');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '查询' }).click();
    await eventually('only the findings of 同心县 are listed', async () => {
      const rows = await page.getByRole('row', { name: /insurance-gap/ }).allInnerTexts();
      return rows.length === 1 && rows[0].includes('同心县 640324');
    });
    await page.reload();
  });

  it('works a finding from open to resolved: the response goes through the crosscheck and comes back on the finding', async () => {
    const page = await signIn('education');
    const row = page.getByRole('row', { name: /missed-student-aid/ }).first();
    await row.getByRole('button', { name: '确认收到' }).click();
    await page.getByRole('button', { name: '确认', exact: true }).click();
    await eventually('the acknowledgement is on the finding', async () => {
      await page.getByRole('button', { name: '刷新' }).click();
      return (await page.getByRole('row', { name: /missed-student-aid.*acknowledged/ }).count()) > 0;
    });
    await page
      .getByRole('row', { name: /missed-student-aid/ })
      .first()
      .getByRole('button', { name: '办结' })
      .click();
    await page.getByLabel('理由').fill('已于 2026-06-20 补发生活补助');
    await page.getByRole('button', { name: '确认', exact: true }).click();
    await eventually('the resolution is on the finding', async () => {
      await page.getByRole('button', { name: '刷新' }).click();
      return (await page.getByRole('row', { name: /missed-student-aid.*resolved/ }).count()) > 0;
    });
  });

  it('asks for a reason before a finding is resolved', async () => {
    const page = await signIn('education');
    await page
      .getByRole('row', { name: /missed-student-aid/ })
      .first()
      .getByRole('button', { name: '办结' })
      .click();
    await page.getByRole('button', { name: '确认', exact: true }).click();
    await page.getByText('请填写理由').waitFor();
    await page.keyboard.press('Escape');
  });

  it('filters the findings by the last response: the resolved one under 已办结, none under 未答复', async () => {
    const page = await signIn('education');
    /** Shows the list of a last response, and waits until it holds this many missed-aid rows, each with that last response; fails if it never does. */
    const listSettlesOn = async (response: '已办结' | '未答复', missedAidRows: number) => {
      await page.getByLabel('最近答复', { exact: true }).click();
      await page.getByTitle(response, { exact: true }).click();
      // The list of this filter, not the one before it: the spinner may not have started yet when the button is clicked.
      const filter = `response=${response === '已办结' ? 'resolved' : 'none'}`;
      await Promise.all([page.waitForResponse((answer) => answer.url().includes('/api/findings') && answer.url().includes(filter)), page.getByRole('button', { name: '查询' }).click()]);
      // The answer is in before the list on the page is, and the page may render the list more than once under load: wait until
      // every row shown has the last response asked for and the missed-aid rows number as many as expected.
      const column = (await page.locator('thead th').allInnerTexts()).findIndex((title) => title.trim() === '最近答复') + 1;
      expect(column).toBeGreaterThan(0);
      await eventually(`${missedAidRows} missed-student-aid row(s) in the list under ${response}`, async () => {
        const last = await page.locator(`tbody tr[data-row-key] td:nth-child(${column})`).allInnerTexts();
        return (
          (await page.locator('.ant-spin-spinning').count()) === 0 &&
          last.every((text) => (response === '已办结' ? text === 'resolved' : text === '—')) &&
          (await page.getByRole('row', { name: /missed-student-aid/ }).count()) === missedAidRows
        );
      });
    };
    await listSettlesOn('已办结', 1);
    await listSettlesOn('未答复', 0);
    await page.reload();
  });

  it('reveals who an insurance-gap finding is about to Healthcare Security, stating the purpose', async () => {
    const page = await signIn('healthcare');
    await page
      .getByRole('row', { name: /insurance-gap/ })
      .first()
      .getByRole('button', { name: '查看身份' })
      .click();
    await page.getByRole('button', { name: '确认', exact: true }).click();
    // Both persons are uninsured (the 低保 child too), so the first insurance-gap row is either's.
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/杨秀英|马小军/).waitFor();
    const shown = await dialog.innerText();
    expect(shown.includes('杨秀英') ? shown.includes(uninsured) : shown.includes(child)).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('offers no reveal where the rule grants none (missed aid), and refuses one asked for all the same, saying why', async () => {
    const page = await signIn('education');
    const row = page.getByRole('row', { name: /missed-student-aid/ }).first();
    await row.getByRole('button', { name: '确认收到' }).waitFor();
    expect(await row.getByRole('button', { name: '查看身份' }).count()).toBe(0);
    const findingId = await row.getAttribute('data-row-key');
    const refused = await apiFrom(page, 'POST', `/api/findings/${findingId!}/reveal`, { purpose: '核实资助对象' });
    expect(refused).toEqual({ status: 403, message: expect.stringContaining('the policy grants no reveal for missed-student-aid findings') });
  });

  it("lets the auditor search every member's findings, and no serious accessibility violation", async () => {
    const page = await signIn('auditor');
    await page.goto(`${url}/#/audit`);
    await page.getByRole('cell', { name: 'healthcare-security' }).first().waitFor();
    await page.getByRole('cell', { name: 'education' }).first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'audit-search.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets the auditor follow a finding back to the events it rests on, with their topic, partition and offset (lineage)', async () => {
    const [{ finding_id: findingId }] = await bed.database.query<{ finding_id: string }>("SELECT finding_id FROM gateway_finding WHERE rule = 'missed-student-aid' LIMIT 1");
    await eventually('the audit holds the finding and its evidence', async () => {
      const [named] = await bed.database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_entry WHERE finding_references @> ARRAY[$1::text]', [findingId]);
      const [evidence] = await bed.database.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_entry WHERE topic LIKE 'education.student-enrolment%'");
      return named.n > 0 && evidence.n > 0;
    });
    const page = await signIn('auditor');
    await page.goto(`${url}/#/audit`);
    await page.locator(`tr[data-row-key="education/${findingId}"]`).getByRole('button', { name: '溯源' }).click();
    const steps = page.getByTestId('lineage-step');
    await steps.first().waitFor();
    const text = (await steps.allInnerTexts()).join('\n');
    expect(text).toMatch(/evidence · education[\s\S]*education\.student-enrolment\.changed\.v\d+\/\d+@\d+/);
    expect(text).toContain('finding-change');
    // The drawer slides in: the screenshot waits for it to settle (the assertions above did not need to).
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SCREENSHOTS, 'lineage.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('verifies the audit store, its progress shown, and says it is intact', async () => {
    const page = await signIn('auditor');
    await page.goto(`${url}/#/verify`);
    await page.getByRole('button', { name: '开始校验' }).click();
    await page.getByText('审计库完整').waitFor();
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await page.screenshot({ path: join(SCREENSHOTS, 'verify.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("searches the access log by user: the officer's reveal, with its purpose", async () => {
    const page = await signIn('auditor');
    // The unfiltered list (other users' reveals among it) is on the page until the filtered answer is rendered: wait for the rows to be the user's.
    const users = page.locator('tbody tr[data-row-key] td:nth-child(3)');
    await eventually("the reveal in the audit store, the list showing that user's entries only", async () => {
      await page.goto(`${url}/#/access-log`);
      await page.getByLabel('用户').fill(USERS.healthcare.username);
      await Promise.all([page.waitForResponse((response) => response.url().includes('/api/audit/access-log') && response.url().includes('user=')), page.getByRole('button', { name: '查询' }).click()]);
      const shown = await users.allInnerTexts();
      return shown.length > 0 && shown.every((user) => user === USERS.healthcare.username) && (await page.getByRole('row', { name: /reveal-identity/ }).count()) > 0;
    });
    expect(
      await page
        .getByRole('row', { name: /reveal-identity/ })
        .first()
        .innerText(),
    ).toContain('资助参保');
    await page.screenshot({ path: join(SCREENSHOTS, 'access-log.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('replays the log as of now and finds just what the hub announced; a what-if with a stricter policy, edited field by field, shows the missed aid disappear, with why', async () => {
    const page = await signIn('auditor');
    await page.goto(`${url}/#/replay`);
    await page.getByLabel('评判日期（可选）').fill(EVALUATION_DATE);
    await page.getByRole('button', { name: '开始回放' }).click();
    await page.getByText('回放得出的待处理线索').waitFor({ timeout: 90_000 });
    await page.getByText('与已发布线索一致').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'replay.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '载入现行策略' }).click();
    // The what-if edited in the form, a field per setting; the JSON beside it follows.
    await page.getByRole('button', { name: 'studentAid', exact: true }).click();
    await page.getByLabel('studentAid.minDaysInTerm', { exact: true }).fill('200');
    await page.getByRole('button', { name: 'version', exact: true }).click();
    await page.getByLabel('version', { exact: true }).fill('1.4.0-what-if');
    const edited = JSON.parse(await page.getByLabel('策略（JSON，可编辑）').inputValue()) as { version: string; studentAid: { minDaysInTerm: number } };
    expect([edited.version, edited.studentAid.minDaysInTerm, await page.getByLabel('使用编辑后的策略').isChecked(), await seriousViolations(page)]).toEqual(['1.4.0-what-if', 200, true, []]);
    await page.getByRole('button', { name: '开始回放' }).click();
    const gone = page.getByRole('row', { name: /^消失 missed-student-aid 2026-spring/ });
    await gone.first().waitFor({ timeout: 90_000 });
    expect(await gone.first().innerText()).toMatch(/\S{10,}/);
  });

  it('shows the integration engineer the catalogue, and explains why an incompatible candidate is refused', async () => {
    const page = await signIn('engineer');
    await page.getByRole('button', { name: 'education.student-aid.granted.v1-value' }).click();
    await page.getByRole('cell', { name: '/idNumber' }).first().waitFor();
    const subject = 'education.student-aid.granted.v1-value';
    const latest = (await (await fetch(`${registry.url}/subjects/${subject}/versions/latest`, { headers: registry.as('integration-engineer') })).json()) as { schema: string };
    const candidate = JSON.parse(latest.schema) as { required: string[]; properties: Record<string, unknown> };
    candidate.properties['grantedBy'] = { type: 'string', 'x-hub-classification': 'public' };
    candidate.required = [...candidate.required, 'grantedBy'];
    await page.getByLabel('主题', { exact: true }).fill(subject);
    await page.keyboard.press('Enter');
    await page.getByLabel('候选版本（JSON Schema）').fill(JSON.stringify(candidate, null, 2));
    await page.getByRole('button', { name: '兼容性检查' }).click();
    await page.getByText(/不兼容/).waitFor();
    expect(await page.getByText('Add the field as optional').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'catalogue.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows what changed between two versions of a contract, field by field', async () => {
    const subject = uniqueName('console-diff').replace(/_/g, '-');
    const versionOf = (properties: Record<string, unknown>) => ({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', additionalProperties: false, properties });
    const register = (schema: unknown) =>
      fetch(`${registry.url}/subjects/${subject}/versions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...registry.as('integration-engineer') },
        body: JSON.stringify({ schema: JSON.stringify(schema), schemaType: 'JSON' }),
      }).then(async (response) => [response.status, await response.text()]);
    const code = { type: 'string', 'x-hub-classification': 'public' };
    expect(await register(versionOf({ code }))).toEqual([200, expect.any(String)]);
    expect(await register(versionOf({ code, remark: { type: 'string', maxLength: 200, 'x-hub-classification': 'public' } }))).toEqual([200, expect.any(String)]);
    const page = await signIn('engineer');
    // The catalogue was read before the subject was registered: read it again.
    await page.goto(`${url}/#/catalogue`);
    await page.reload();
    await page.getByRole('button', { name: subject }).click();
    await page.getByRole('cell', { name: '/properties/remark' }).waitFor();
    expect(await page.getByRole('row', { name: /\/properties\/remark/ }).innerText()).toMatch(/optional field "remark" is new/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('registers a compatible candidate through the registry and deprecates the contract, as the engineer’s member', async () => {
    const page = await signIn('engineer');
    const subject = (
      await page
        .getByRole('button', { name: /^console-diff-/ })
        .first()
        .innerText()
    ).trim();
    const latest = (await (await fetch(`${registry.url}/subjects/${subject}/versions/latest`, { headers: registry.as('integration-engineer') })).json()) as { schema: string };
    const candidate = JSON.parse(latest.schema) as { properties: Record<string, unknown> };
    candidate.properties['school'] = { type: 'string', maxLength: 60, 'x-hub-classification': 'public' };
    await page.getByLabel('主题', { exact: true }).fill(subject);
    await page.keyboard.press('Enter');
    await page.getByLabel('候选版本（JSON Schema）').fill(JSON.stringify(candidate));
    await page.getByRole('button', { name: '兼容性检查' }).click();
    await page.getByRole('button', { name: '注册为新版本' }).click();
    await page.getByText(/已注册 \(id \d+\)/).waitFor();
    const versions = (await (await fetch(`${registry.url}/subjects/${subject}/versions`, { headers: registry.as('integration-engineer') })).json()) as number[];
    await page.getByRole('button', { name: subject }).click();
    await page.getByLabel('生命周期', { exact: true }).click();
    await page.getByTitle('deprecated', { exact: true }).click();
    await page.getByRole('button', { name: '变更生命周期' }).click();
    await page.getByText('生命周期已变更').waitFor();
    const contract = (await (await fetch(`${registry.url}/hub/contracts/${subject}`, { headers: registry.as('integration-engineer') })).json()) as { lifecycle: string };
    expect([versions, contract.lifecycle]).toEqual([[1, 2, 3], 'deprecated']);
    // The registry (on the shared broker, as startRegistry runs it) logged both changes with the person beside the member.
    const logged: AccessLogEntry[] = [];
    await eventually('the registry logged the person', async () => {
      logged.length = 0;
      await readTopicWindow(testKafkaSettings('console-registry-log'), ACCESS_LOG_TOPIC, { since: started, limit: 10_000_000 }, (record) => {
        const entry = JSON.parse(record.value!.toString('utf8')) as AccessLogEntry;
        if (entry.resource === subject && entry.user === USERS.engineer.username && entry.allowed) logged.push(entry);
      });
      return logged.length >= 2;
    });
    expect(new Set(logged.map((entry) => `${entry.member} ${entry.action}`))).toEqual(new Set(['integration-engineer register-contract', 'integration-engineer change-lifecycle']));
  });

  it("has the registry check a person's session itself: an officer's session, passed on directly, may not register", async () => {
    const page = await signIn('education');
    const token = (await contexts.education!.context.cookies()).find((cookie) => cookie.name === 'hub_console_session')!.value;
    const { csrfToken } = await page.evaluate(async () => (await (await fetch('/api/session')).json()) as { csrfToken: string });
    const attempt = (headers: Record<string, string>) =>
      fetch(`${registry.url}/subjects/education.student-aid.granted.v1-value/versions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ schema: '{"type":"object"}', schemaType: 'JSON' }),
      }).then(async (response) => [response.status, ((await response.json()) as { message: string }).message]);
    expect(await attempt({ 'x-console-session': token, 'x-csrf-token': csrfToken })).toEqual([403, expect.stringContaining('department-officer may not register-contract')]);
    expect(await attempt({ 'x-console-session': token })).toEqual([403, expect.stringContaining('X-CSRF-Token')]);
    expect(await attempt({ 'x-console-session': 'not-a-session', 'x-csrf-token': csrfToken })).toEqual([401, expect.stringContaining('not signed in')]);
  });

  it("runs a candidate over the topic's recent records and says how many it would refuse, and why", async () => {
    const page = await signIn('engineer');
    await page.goto(`${url}/#/catalogue`);
    const subject = `${ENROLMENT}-value`;
    const latest = (await (await fetch(`${registry.url}/subjects/${subject}/versions/latest`, { headers: registry.as('integration-engineer') })).json()) as { schema: string };
    const candidate = JSON.parse(latest.schema) as { required: string[]; properties: Record<string, unknown> };
    candidate.properties['campus'] = { type: 'string', 'x-hub-classification': 'public' };
    candidate.required = [...candidate.required, 'campus'];
    await page.getByLabel('主题', { exact: true }).fill(subject);
    await page.keyboard.press('Enter');
    await page.getByLabel('候选版本（JSON Schema）').fill(JSON.stringify(candidate));
    await page.getByRole('button', { name: '抽样检查（近期真实数据）' }).click();
    const verdict = await page.getByRole('status').filter({ hasText: '已检查记录' }).innerText();
    const [checked, failed] = [...verdict.matchAll(/\d+/g)].map(([n]) => Number(n));
    expect([checked > 0, failed === checked, await page.getByRole('cell', { name: /campus/ }).count()]).toEqual([true, true, 1]);
  });

  it('shows the security administrator the services and their health, each consumer group’s lag, and the members with their keys (no secret)', async () => {
    const page = await signIn('secadmin');
    await page.goto(`${url}/#/operations`);
    await page.getByRole('cell', { name: 'gateway' }).first().waitFor();
    await page.getByText('正常').first().waitFor();
    // The crosscheck's group, from its /metrics; the members, with their keys' ids and no secret.
    await page
      .getByRole('row', { name: /crosscheck .* education\.student-enrolment\.changed\.v\d+/ })
      .first()
      .waitFor();
    const members = await page.getByRole('row', { name: /^education / }).innerText();
    expect(members).toMatch(/[A-Za-z0-9]{12}/);
    expect(members).not.toContain('hub_');
    await page.screenshot({ path: join(SCREENSHOTS, 'operations.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the operators the rejected records per member and the dead letters, counts and causes, never what was sent', async () => {
    // A record Education gets refused (no student number), and a dead letter as a consumer writes one.
    const refused = await bodyOf(
      await asMember(bed, 'education').post('/v1/events', [{ id: uniqueName('bad'), type: ENROLMENT, data: { ...contractExample(ENROLMENT), studentNumber: undefined, idNumber: child } }]),
    );
    expect(refused.rejected).toBe(1);
    await createTestTopics([{ topic: 'hub.deadletter', numPartitions: 1 }], [broker.bootstrapServers]);
    const kafka = createKafkaClient(testKafkaSettings('console-dead-letter', [broker.bootstrapServers]));
    const producer = kafka.producer();
    await producer.connect();
    const letter = deadLetterRecord(
      'hub.deadletter',
      { topic: ENROLMENT, partition: 1, offset: '5', key: null, value: Buffer.from(`{"idNumber":"${child}"}`), headers: {}, timestamp: '0' },
      {
        error: new HubError(ErrorCode.RecordRejected, `cannot judge ${child}`),
        attempts: 3,
        consumerGroup: 'crosscheck',
        failedAt: new Date(),
      },
    );
    await producer.send({ topic: letter.topic, messages: [{ key: letter.key, value: letter.value, headers: letter.headers }] });
    await producer.disconnect();
    const page = await signIn('secadmin');
    await page.goto(`${url}/#/operations`);
    await page.reload();
    const tally = await page.getByRole('row', { name: new RegExp(`^education ${ENROLMENT.replace(/\./g, '\\.')}`) }).innerText();
    const deadLetter = page.getByRole('row', { name: new RegExp(`${ENROLMENT.replace(/\./g, '\\.')} \\[1\\] @5`) });
    const shown = await deadLetter.innerText();
    expect([tally.split(/\s+/).slice(2, 4), shown.includes('crosscheck'), shown.includes(child), shown.includes(`${child.slice(0, 6)}********${child.slice(-4)}`)]).toEqual([
      ['1', '1'],
      true,
      false,
      true,
    ]);
  });

  it("shows the operators the members' bulk loads: one loading while open, judged once closed and the crosscheck has judged its records", async () => {
    const education = asMember(bed, 'education');
    const opened = await bodyOf(await education.post('/v1/bulk-loads', undefined));
    const loadId = String(opened.loadId);
    const page = await signIn('secadmin');
    const loadRow = async () => {
      await page.goto(`${url}/#/operations`);
      await page.reload();
      return page.getByRole('row', { name: new RegExp(`^education ${loadId.slice(0, 8)}`) }).innerText();
    };
    expect(await loadRow()).toContain('装载中');
    expect((await education.post(`/v1/bulk-loads/${loadId}/close`, undefined)).status).toBe(200);
    let shown = '';
    await eventually('the load judged on the operations page', async () => {
      shown = await loadRow();
      return !shown.includes('装载中') && !shown.includes('待评判');
    });
    expect(shown).toContain('已评判');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('refuses every role what it may not see, in the API and on the page', async () => {
    const refusals = {
      education: [
        'GET /api/findings/all',
        'GET /api/operations/services',
        'GET /api/operations/dead-letters',
        'GET /api/operations/rejections',
        'POST /api/catalogue/x/check',
        'POST /api/catalogue/x/versions',
        'PUT /api/catalogue/x/lifecycle',
        'GET /api/audit/verify',
        'GET /api/audit/access-log',
      ],
      auditor: ['GET /api/findings', 'GET /api/operations/services', 'POST /api/catalogue/x/check', 'POST /api/catalogue/x/versions'],
      engineer: ['GET /api/findings', 'GET /api/findings/all', 'GET /api/operations/services', `GET /api/audit/findings/${'a'.repeat(64)}/lineage`, 'POST /api/audit/replay'],
      secadmin: ['GET /api/findings', 'GET /api/findings/all', 'GET /api/catalogue', 'GET /api/audit/verify'],
    } as const;
    const answers: string[] = [];
    for (const [key, calls] of Object.entries(refusals) as [UserKey, readonly string[]][]) {
      const page = await signIn(key);
      for (const call of calls) {
        const [method, path] = call.split(' ') as [string, string];
        answers.push(`${key} ${call} ${(await apiFrom(page, method, path, method === 'GET' ? undefined : { schema: '{}' })).status}`);
      }
    }
    expect(answers).toEqual(Object.entries(refusals).flatMap(([key, calls]) => calls.map((call) => `${key} ${call} 403`)));
    const engineer = await signIn('engineer');
    await engineer.goto(`${url}/#/findings`);
    await engineer.getByText('您的角色无权访问此页面。').waitFor();
    await engineer.goto(`${url}/#/catalogue`);
  });

  it('answers a request without a session 401, and a change without the CSRF token 403', async () => {
    expect((await fetch(`${url}/api/findings`)).status).toBe(401);
    const page = await signIn('education');
    const forged = await page.evaluate(
      async () => (await fetch('/api/findings/x/responses', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"response":"acknowledged"}' })).status,
    );
    expect(forged).toBe(403);
  });

  it("writes every person's action to the access log with the user: a reveal with its purpose, a response, a refusal", async () => {
    const entries: AccessLogEntry[] = [];
    const wanted = (entry: AccessLogEntry) =>
      (entry.user === USERS.healthcare.username && entry.action === 'reveal-identity' && entry.allowed) ||
      (entry.user === USERS.education.username && entry.action === 'respond-to-finding' && entry.allowed) ||
      (entry.user === USERS.engineer.username && entry.action === 'read-own-findings' && !entry.allowed);
    await eventually('the console users in the access log', async () => {
      entries.length = 0;
      await readTopicWindow(testKafkaSettings('console-access-log', [broker.bootstrapServers]), ACCESS_LOG_TOPIC, { since: started, limit: 10_000_000 }, (record) => {
        const entry = JSON.parse(record.value!.toString('utf8')) as AccessLogEntry;
        if (wanted(entry)) entries.push(entry);
      });
      return new Set(entries.map((entry) => entry.user)).size === 3;
    });
    expect(entries.find((entry) => entry.action === 'reveal-identity')).toMatchObject({ member: 'healthcare-security', purpose: expect.stringContaining('资助参保') });
    expect(entries.find((entry) => !entry.allowed)).toMatchObject({ member: 'integration-engineer', reason: 'the role integration-engineer may not read-own-findings' });
  });

  it('serves its API document, the one committed in docs/api/console.openapi.json', async () => {
    const served = await (await fetch(`${url}/api/openapi.json`)).json();
    expect(served).toEqual(JSON.parse(readFileSync(join(findProjectRoot(), 'docs/api/console.openapi.json'), 'utf8')));
  });

  it('serves its pages with a Content-Security-Policy that allows only its own scripts', async () => {
    const response = await fetch(url);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  // Last: it closes the child's missed-aid finding, which the lineage and the replay above rest on.
  it('shows how much of the missed aid found in each county has been corrected, by month (应助尽助): the aid granted closes it', async () => {
    const page = await signIn('education');
    const coverage = page.locator('.ant-card', { hasText: '应助尽助' });
    const county = coverage.getByRole('row', { name: /银川市兴庆区 640104/ });
    expect(await county.innerText()).toMatch(/0\/1 \(0%\)/);
    await publishOne(bed, 'education', AID, { idNumber: child, studentNumber: `G${child}`, term: '2026-spring', aidType: 'compulsory-living-subsidy', grantedOn: '2026-04-20' });
    await eventually('the missed aid is closed, and counted as corrected', async () => {
      await page.reload();
      return /1\/1 \(100%\)/.test(await county.innerText());
    });
  });
});
