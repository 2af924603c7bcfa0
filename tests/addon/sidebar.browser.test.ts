// The sidebar in real Chromium, end to end: the built Sidebar.html, its google.script.run bridged
// to the built add-on running on the Apps Script fakes, which reaches the real service over HTTP.
// One team's day, in order: the lead sets the add-on up on the team's own sheet, a rep logs a
// visit on a stale quote and files a special request, sales-support approves it; then the service
// goes away. Each step checks the sheet as well as the screen.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalItem, RequestFiled, RpcResult, SetupSaved, SyncOutcome } from '../../addon/src/rpc/sidebar-rpc.ts';
import type { SpreadsheetSnapshot } from '../support/apps-script/apps-script-records.ts';
import { addonBundleDir } from '../support/addon-bundle.ts';
import { launchChromium } from '../support/browser/chromium.ts';
import type { SidebarPage } from '../support/browser/sidebar-page.ts';
import { postgresUrl } from '../support/postgres-database.ts';
import { startServiceHarness, type ServiceHarness } from '../support/service/service-harness.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../support/sheets-api/sheets-stand-in.ts';
import {
  APPROVER,
  DEALS_HEADER_ROW,
  DEALS_SHEET,
  LEAD,
  REP,
  SCENARIO_NOW,
  SPECIAL_DELIVERY,
  SPREADSHEET_ID,
  STALE_DEAL,
  TARGETS_SHEET,
  VISITS_SHEET,
} from './sidebar-scenario.browser-fixture.ts';
import { startSidebarSession, type SidebarSession } from './sidebar-session.browser-fixture.ts';
import { cellAt, cellByHeader, changedTeamCells, columnOf, sheetOf, writesOutsideService } from './sidebar-sheet.browser-fixture.ts';

const UI_TIMEOUT = 30_000;

/** The last answer the add-on gave to `fn` through google.script.run. */
function lastResult<T>(sidebar: SidebarPage, fn: string): RpcResult<T> {
  const call = sidebar.calls().findLast((c) => c.fn === fn);
  if (call === undefined) throw new Error(`the sidebar never called ${fn}; calls: ${sidebar.calls().map((c) => c.fn).join(', ')}`);
  if (call.outcome === 'threw') throw new Error(`${fn} threw: ${String(call.result)}`);
  return call.result as RpcResult<T>;
}

function valueOf<T>(result: RpcResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function flagCodes(card: Locator): Promise<string[]> {
  return card.locator('[data-flag]').evaluateAll((items) => items.map((item) => item.getAttribute('data-flag') ?? ''));
}

/**
 * Types a date into a focused <input type="date"> from its first segment, as a person does in a
 * Japanese Chrome: the year, Tab to the month, then month and day (each moves on by itself).
 */
async function typeDate(page: Page, input: Locator, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-') as [string, string, string];
  await page.keyboard.type(year);
  await page.keyboard.press('Tab');
  await page.keyboard.type(`${month}${day}`);
  const typed = await input.inputValue();
  if (typed !== iso) throw new Error(`typing ${iso} into the date field gave "${typed}"`);
}

/** Tab past a control with inner stops (a date field's segments and its picker button). */
async function tabOutOf(page: Page, control: Locator): Promise<void> {
  for (let i = 0; i < 5 && (await control.evaluate((el) => el.ownerDocument.activeElement === el)); i++) await page.keyboard.press('Tab');
}

/** A notice's title as the page shows it (the status region repeats it for screen readers). */
function notice(page: Page, title: string): Locator {
  return page.locator('.notice-title', { hasText: title }).first();
}

async function closeChecked(sidebar: SidebarPage): Promise<void> {
  await sidebar.idle();
  const problems = { pageErrors: [...sidebar.pageErrors()], blockedRequests: [...sidebar.blockedRequests()] };
  await sidebar.close();
  expect(problems).toEqual({ pageErrors: [], blockedRequests: [] });
}

describe('the sidebar in Chromium', () => {
  let browser: Browser;
  let standIn: SheetsStandIn;
  let harness: ServiceHarness;
  let session: SidebarSession;
  let original: SpreadsheetSnapshot;
  let requestsSheet = '';
  let requestId = '';

  beforeAll(async () => {
    const bundleDir = addonBundleDir();
    browser = await launchChromium();
    standIn = await startSheetsStandIn({ quotaPerMinutePerUser: null });
    harness = await startServiceHarness({
      label: 'sidebar-browser',
      clock: () => SCENARIO_NOW,
      standIn,
      database: postgresUrl() === null ? 'pglite' : 'postgres',
    });
    session = await startSidebarSession({ url: harness.url, identity: harness.identity, standIn }, bundleDir);
    original = await session.runtime.snapshot();
  });

  afterAll(async () => {
    await browser?.close();
    await session?.close();
    await harness?.close();
    await standIn?.close();
  });

  it('maps the team\'s columns and creates the requests tab without moving a team cell when the lead saves set-up', async () => {
    await session.actAs(LEAD);
    const sidebar = await session.openSidebar(browser, 'menuSetUp');
    const { page } = sidebar;
    const deals = page.locator('section[data-tab-kind="deals"]');
    await deals.waitFor({ timeout: UI_TIMEOUT });
    // The proposal read the team's own headers, three rows down, in their own order.
    expect(await deals.textContent()).toContain(`「${DEALS_SHEET}」・見出しは${DEALS_HEADER_ROW}行目`);
    const create = page.getByRole('checkbox', { name: /見つからないタブ/ });
    if (!(await create.isChecked())) await create.check();
    await page.getByRole('button', { name: '保存して同期' }).click();
    await notice(page, '初期設定を保存しました').waitFor({ timeout: UI_TIMEOUT });

    const saved = valueOf(lastResult<SetupSaved>(sidebar, 'sidebarSetupSave'));
    expect(saved.createdTabs).toHaveLength(1);
    requestsSheet = saved.createdTabs[0] as string;
    expect(saved.sync).toMatchObject({ inserted: 9, issues: [] });
    await closeChecked(sidebar);

    const after = await session.runtime.snapshot();
    expect(changedTeamCells(original, after)).toEqual([]);
    expect(after.sheets.map((s) => s.name)).toEqual([DEALS_SHEET, VISITS_SHEET, TARGETS_SHEET, requestsSheet]);
    // The service's columns come after the team's last one; the id column is hidden.
    const dealsTab = sheetOf(after, DEALS_SHEET);
    const teamWidth = sheetOf(original, DEALS_SHEET).values[DEALS_HEADER_ROW - 1]?.length ?? 0;
    expect(columnOf(dealsTab, DEALS_HEADER_ROW, { service: 'id' })).toBe(teamWidth + 1);
    expect(dealsTab.hiddenColumns).toEqual([teamWidth + 1]);
    // Its row has no next-action date: the 11-13 its last visit planned has passed.
    expect(cellByHeader(after, DEALS_SHEET, DEALS_HEADER_ROW, STALE_DEAL.row, { service: 'flags' })).toBe('停滞, ボール滞留, 期限切れ');

    const mapping = JSON.parse((await session.runtime.properties('document'))['sheets-sfa.mapping'] ?? 'null') as {
      tabs: Record<string, { sheet: string; headerRow: number; columns: Record<string, string> }>;
    };
    expect(mapping.tabs.deals).toMatchObject({
      sheet: DEALS_SHEET,
      headerRow: DEALS_HEADER_ROW,
      columns: { account: '顧客名', title: '案件名', owner: '担当者', stage: 'ステージ', amount: '金額', quoteSentOn: '見積提出日', ball: 'ボール', nextActionOn: '次回予定日' },
    });
    expect(mapping.tabs.visits).toMatchObject({ sheet: VISITS_SHEET, headerRow: 1 });
    expect(mapping.tabs.requests).toMatchObject({ sheet: requestsSheet, headerRow: 1 });

    await session.grantRole(REP, 'member');
    await session.grantRole(APPROVER, 'approver');
  });

  it('runs the automatic syncs the settings show as on when set-up has been saved', async () => {
    const sidebar = await session.openSidebar(browser, 'menuSettings');
    const { page } = sidebar;
    const hourly = page.getByRole('checkbox', { name: '1時間ごとに同期する' });
    await hourly.waitFor({ timeout: UI_TIMEOUT });
    const shown = { hourly: await hourly.isChecked(), onChange: await page.getByRole('checkbox', { name: 'シートの編集後に同期する' }).isChecked() };
    await closeChecked(sidebar);
    const triggers = await session.runtime.triggers();
    expect({
      hourly: triggers.some((t) => t.handlerFunction === 'onHourlySync' && t.eventType === 'CLOCK'),
      onChange: triggers.some((t) => t.handlerFunction === 'onSheetChange' && t.eventType === 'ON_CHANGE'),
    }).toEqual(shown);
  });

  it('shows each person their own automatic sync, and tells the lead in the header when theirs is off', async () => {
    const ownTriggers = async (email: string): Promise<string[]> =>
      (await session.runtime.triggers())
        .filter((t) => t.owner === email)
        .map((t) => t.handlerFunction)
        .sort();
    const leadTriggers = await ownTriggers(LEAD.email);
    expect(leadTriggers).toEqual(['onHourlySync', 'onSheetChange']);

    // The rep has no triggers of their own: their toggles are off, whatever the lead's are.
    await session.actAs(REP);
    let sidebar = await session.openSidebar(browser, 'menuSettings');
    let page = sidebar.page;
    const hourly = page.getByRole('checkbox', { name: '1時間ごとに同期する' });
    const onChange = page.getByRole('checkbox', { name: 'シートの編集後に同期する' });
    await hourly.waitFor({ timeout: UI_TIMEOUT });
    expect([await hourly.isChecked(), await onChange.isChecked()]).toEqual([false, false]);
    expect(await page.locator('[data-note="auto-sync-off"]').count()).toBe(0);
    await closeChecked(sidebar);

    await session.actAs(LEAD);
    sidebar = await session.openSidebar(browser, 'menuSettings');
    page = sidebar.page;
    await page.getByRole('checkbox', { name: '1時間ごとに同期する' }).waitFor({ timeout: UI_TIMEOUT });
    const save = page.getByRole('button', { name: '保存', exact: true });
    const note = page.locator('[data-note="auto-sync-off"]');
    await page.getByRole('checkbox', { name: '1時間ごとに同期する' }).uncheck();
    await page.getByRole('checkbox', { name: 'シートの編集後に同期する' }).uncheck();
    await save.click();
    await note.waitFor({ timeout: UI_TIMEOUT });
    expect(await note.textContent()).toContain('あなたの自動同期はオフです');
    expect(await ownTriggers(LEAD.email)).toEqual([]);
    await page.getByRole('checkbox', { name: '1時間ごとに同期する' }).check();
    await page.getByRole('checkbox', { name: 'シートの編集後に同期する' }).check();
    await save.click();
    await note.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await closeChecked(sidebar);
    expect(await ownTriggers(LEAD.email)).toEqual(leadTriggers);
    expect(await ownTriggers(REP.email)).toEqual([]);
  });

  it('shows the rep the stale quote\'s card and drops its follow-up flags when they log a visit from the keyboard', async () => {
    await session.actAs(REP);
    await session.runtime.setActiveCell(DEALS_SHEET, STALE_DEAL.row, 3);
    const sidebar = await session.openSidebar(browser, 'menuOpenSidebar');
    const { page } = sidebar;
    const card = page.locator('.view-deal article.deal-card');
    await card.waitFor({ timeout: UI_TIMEOUT });
    expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe(STALE_DEAL.title);
    expect(await flagCodes(card)).toEqual(['stale', 'ball_follow_up', 'next_action_overdue']);
    expect(await card.locator('[data-flag="stale"]').textContent()).toContain('停滞');

    // From here on, only the keyboard.
    await page.getByRole('button', { name: '訪問を記録' }).focus();
    await page.keyboard.press('Enter');
    const form = page.locator('.view-visit form');
    const met = form.getByLabel('面談者', { exact: false });
    await met.waitFor({ timeout: UI_TIMEOUT });
    expect(await form.getByLabel('顧客', { exact: true }).inputValue()).toBe(STALE_DEAL.account);
    await met.focus();
    await page.keyboard.type('製造部 木村課長、情報システム課 井上様');
    await page.keyboard.press('Tab');
    await page.keyboard.type('山田 健一');
    await page.keyboard.press('Tab');
    await page.keyboard.type('見積の内容で社内稟議を通す方向。導入時期の確認。');
    await page.keyboard.press('Tab');
    await page.keyboard.type('サーバー機器を3月初めに納品してほしい');
    await page.keyboard.press('Tab');
    await page.keyboard.type('納期回答と注文書の受領');
    await page.keyboard.press('Tab');
    const due = form.getByLabel('次のアクションの期日', { exact: false });
    await typeDate(page, due, '2026-11-27');
    await tabOutOf(page, due); // onto the ball radios, at "no change"
    await page.keyboard.press('ArrowRight'); // the ball comes back to us
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('記録する');
    await page.keyboard.press('Enter');
    await notice(page, '訪問記録を保存しました').waitFor({ timeout: UI_TIMEOUT });

    const savedCard = page.locator('.view-visit article.deal-card');
    await savedCard.waitFor();
    expect(await flagCodes(savedCard)).toEqual(['stale']);
    const visit = sidebar.calls().find((c) => c.fn === 'sidebarLogVisit');
    expect(visit?.args[0]).toMatchObject({ visitedOn: '2026-11-20', nextActionOn: '2026-11-27', ballAfter: 'us', met: '製造部 木村課長、情報システム課 井上様' });
    await closeChecked(sidebar);

    const sheet = await session.runtime.snapshot();
    expect(cellByHeader(sheet, DEALS_SHEET, DEALS_HEADER_ROW, STALE_DEAL.row, { service: 'flags' })).toBe('停滞');
    // The visit is a new row of the visits tab, below the team's two.
    const visits = sheetOf(sheet, VISITS_SHEET);
    expect(visits.values).toHaveLength(4);
    expect(cellAt(visits, 4, columnOf(visits, 1, 'お客様の要望'))).toBe('サーバー機器を3月初めに納品してほしい');
  });

  it('clears 停滞 on the card and in the flags cell when the rep moves the deal on and syncs', async () => {
    const stageColumn = columnOf(sheetOf(original, DEALS_SHEET), DEALS_HEADER_ROW, 'ステージ');
    await session.runtime.editCells(DEALS_SHEET, STALE_DEAL.row, stageColumn, [['クロージング']]);
    const sidebar = await session.openSidebar(browser, 'menuOpenSidebar');
    const { page } = sidebar;
    const card = page.locator('.view-deal article.deal-card');
    await card.waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: '今すぐ同期' }).click();
    await notice(page, '同期しました').waitFor({ timeout: UI_TIMEOUT });
    // Succeeded (with the change trigger installed, that trigger may have synced the edit already).
    valueOf(lastResult<SyncOutcome>(sidebar, 'sidebarSyncNow'));
    await card.locator('[data-stage="closing"]').waitFor({ timeout: UI_TIMEOUT });
    expect(await flagCodes(card)).not.toContain('stale');
    await closeChecked(sidebar);

    const sheet = await session.runtime.snapshot();
    expect(String(cellByHeader(sheet, DEALS_SHEET, DEALS_HEADER_ROW, STALE_DEAL.row, { service: 'flags' }))).not.toContain('停滞');
    expect(cellByHeader(sheet, DEALS_SHEET, DEALS_HEADER_ROW, STALE_DEAL.row, { service: 'daysInStage' })).toBe(0);
  });

  it('updates the estimate before anything is sent when the rep types hours, then files the request to one approver', async () => {
    const sidebar = await session.openSidebar(browser, 'menuOpenSidebar');
    const { page } = sidebar;
    await page.locator('.view-deal article.deal-card').waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: '申請を作成' }).click();
    const form = page.locator('.view-request form');
    const total = form.locator('[data-total]');
    const totalNow = async (): Promise<string | null> => ((await total.count()) === 0 ? null : total.getAttribute('data-total'));
    await form.getByLabel('種類', { exact: false }).selectOption({ label: SPECIAL_DELIVERY.typeLabel });
    await form.getByLabel('背景', { exact: false }).fill(SPECIAL_DELIVERY.background);
    await form.getByLabel('依頼内容', { exact: false }).fill(SPECIAL_DELIVERY.description);
    await form.getByLabel('検討した代替案', { exact: false }).fill(SPECIAL_DELIVERY.alternative);
    expect(await totalNow()).toBe('0');

    const [logistics, support] = SPECIAL_DELIVERY.hours;
    await form.getByLabel('役割 1', { exact: true }).selectOption(logistics.role);
    await form.getByLabel('時間 1', { exact: true }).pressSequentially(String(logistics.hours));
    expect(await totalNow()).toBe('18000');
    await form.getByRole('button', { name: /役割を追加/ }).click();
    await form.getByLabel('役割 2', { exact: true }).selectOption(support.role);
    await form.getByLabel('時間 2', { exact: true }).pressSequentially(String(support.hours));
    expect(await totalNow()).toBe('34000');
    await form.getByRole('button', { name: /直接費を追加/ }).click();
    await form.getByLabel('直接費 1 の内容', { exact: true }).fill(SPECIAL_DELIVERY.direct.label);
    await form.getByLabel('直接費 1 の金額', { exact: false }).pressSequentially(String(SPECIAL_DELIVERY.direct.amount));
    expect(await totalNow()).toBe(String(SPECIAL_DELIVERY.total));
    expect(await form.locator('.estimate').textContent()).toContain('¥46,000');
    // Nothing was sent while the estimate moved: it is computed in the page.
    expect(sidebar.calls().some((c) => c.fn === 'sidebarFileRequest')).toBe(false);

    await form.getByRole('button', { name: '申請する' }).click();
    await notice(page, '申請しました').waitFor({ timeout: UI_TIMEOUT });
    const filed = valueOf(lastResult<RequestFiled>(sidebar, 'sidebarFileRequest'));
    expect(filed).toMatchObject({ state: 'submitted', total: SPECIAL_DELIVERY.total, steps: ['approver'] });
    requestId = filed.requestId;

    // The rep holds no approver role: no approvals tab, and the add-on refuses the call itself.
    expect(await page.getByRole('tab', { name: '承認' }).count()).toBe(0);
    const view = await harness.call('GET', `/v1/spreadsheets/${SPREADSHEET_ID}/requests/${requestId}`, { as: REP.email });
    expect(view.status).toBe(200);
    const { version } = ((await view.json()) as { request: { version: number } }).request;
    const refused = await page.evaluate(
      (form) =>
        new Promise((resolve) => {
          const run = (globalThis as unknown as { google: { script: { run: BridgeRunner } } }).google.script.run;
          run.withSuccessHandler(resolve).withFailureHandler((error: Error) => resolve({ threw: error.message })).sidebarDecide(form);
        }),
      { requestId, action: 'approve', comment: null, expectedVersion: version },
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await closeChecked(sidebar);

    const sheet = await session.runtime.snapshot();
    const requests = sheetOf(sheet, requestsSheet);
    expect(requests.values).toHaveLength(2);
    expect(cellAt(requests, 2, columnOf(requests, 1, '背景'))).toBe(SPECIAL_DELIVERY.background);
  });

  it('shows the cost breakdown and the account\'s balance and records the approval when sales support approves with a comment', async () => {
    await session.actAs(APPROVER);
    const sidebar = await session.openSidebar(browser, 'menuOpenSidebar');
    const { page } = sidebar;
    await page.getByRole('tab', { name: '承認' }).click();
    const item = page.locator(`article.approval[data-request-id="${requestId}"]`);
    await item.waitFor({ timeout: UI_TIMEOUT });
    const queued = valueOf(lastResult<readonly ApprovalItem[]>(sidebar, 'sidebarApprovalQueue')).find((i) => i.requestId === requestId);
    expect(queued?.costLines.map((line) => line.amount)).toEqual([18_000, 16_000, 12_000]);
    expect(queued?.winWin).toMatchObject({ wonRevenue: 3_600_000, specialCost: SPECIAL_DELIVERY.total, over: false });
    const text = (await item.textContent()) ?? '';
    for (const expected of ['物流', '営業サポート', 'チャーター便', '¥18,000', '¥16,000', '¥12,000', '¥46,000', '¥3,600,000', '取引バランス', SPECIAL_DELIVERY.background]) {
      expect(text).toContain(expected);
    }

    await item.getByLabel('コメント', { exact: false }).fill('工場の稼働日程を優先。チャーター便で対応してください。');
    await item.getByRole('button', { name: '承認', exact: true }).click();
    await notice(page, '承認しました').waitFor({ timeout: UI_TIMEOUT });
    await page.locator('.empty-title', { hasText: '承認待ちの申請はありません' }).waitFor({ timeout: UI_TIMEOUT });
    expect(lastResult(sidebar, 'sidebarDecide')).toMatchObject({ ok: true, value: { requestId, state: 'approved' } });
    await closeChecked(sidebar);

    const sheet = await session.runtime.snapshot();
    expect(cellByHeader(sheet, requestsSheet, 1, 2, { service: 'status' })).toBe('承認');
    expect(String(cellByHeader(sheet, requestsSheet, 1, 2, { service: 'approver' }))).toContain(APPROVER.email);
  });

  it('has written only service columns, ids and appended rows, never a formula, when the day is done', async () => {
    const sheet = await session.runtime.snapshot();
    const writes = await session.runtime.writes();
    expect(writes.length).toBeGreaterThan(0);
    const headerRows = { [DEALS_SHEET]: DEALS_HEADER_ROW, [VISITS_SHEET]: 1, [requestsSheet]: 1 };
    expect(writesOutsideService(writes, original, sheet, headerRows)).toEqual([]);
    // The one team cell that changed is the stage the rep typed themselves.
    const stageColumn = columnOf(sheetOf(original, DEALS_SHEET), DEALS_HEADER_ROW, 'ステージ');
    expect(changedTeamCells(original, sheet)).toEqual([{ sheet: DEALS_SHEET, row: STALE_DEAL.row, column: stageColumn, before: STALE_DEAL.stageLabel, after: 'クロージング' }]);
  });

  it('shows the unreachable message and writes nothing when the service has stopped', async () => {
    await harness.service.stop();
    const before = await session.runtime.snapshot();
    const writesBefore = (await session.runtime.writes()).length;
    await session.actAs(REP);
    const sidebar = await session.openSidebar(browser, 'menuOpenSidebar');
    const { page } = sidebar;
    await page.locator('.banner-slot [data-error-code="unreachable"]').waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: '今すぐ同期' }).click();
    const panel = page.locator('.sync-panel');
    await panel.locator('[data-error-code="unreachable"]').waitFor({ timeout: UI_TIMEOUT });
    const failed = lastResult<SyncOutcome>(sidebar, 'sidebarSyncNow');
    if (failed.ok) throw new Error('the sync succeeded with the service stopped');
    expect(failed.error.code).toBe('unreachable');
    expect(await panel.textContent()).toContain(failed.error.message);
    await closeChecked(sidebar);

    expect((await session.runtime.writes()).length).toBe(writesBefore);
    expect(await session.runtime.snapshot()).toEqual(before);
    const fetches = await session.runtime.fetches();
    expect(fetches.at(-1)).toMatchObject({ status: null });
  });
});

interface BridgeRunner {
  withSuccessHandler(fn: (value: unknown) => void): BridgeRunner;
  withFailureHandler(fn: (error: Error) => void): BridgeRunner;
  sidebarDecide(form: unknown): void;
}
