// Renders each sidebar view in Japanese, as the team of the browser tests sees it, into
// docs/addon-<view>.png (300 px wide at device scale factor 2): the built add-on on the Apps
// Script fakes, a real service on the embedded database, the system Chromium.
//
//   npm run screenshots
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { buildAddon } from '../addon/build/build-addon.ts';
import type { SidebarView } from '../addon/src/rpc/sidebar-rpc.ts';
import { APPROVER, DEALS_SHEET, LEAD, REP, SCENARIO_NOW, SPECIAL_DELIVERY, STALE_DEAL } from '../tests/addon/sidebar-scenario.browser-fixture.ts';
import { startSidebarSession, type SidebarMenuItem, type SidebarSession } from '../tests/addon/sidebar-session.browser-fixture.ts';
import { launchChromium } from '../tests/support/browser/chromium.ts';
import type { SidebarPage } from '../tests/support/browser/sidebar-page.ts';
import { startStandaloneService } from '../tests/support/browser/standalone-service.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = join(ROOT, 'docs');
const TIMEOUT = 30_000;

async function open(session: SidebarSession, browser: Browser, item: SidebarMenuItem): Promise<SidebarPage> {
  return session.openSidebar(browser, item, { deviceScaleFactor: 2 });
}

async function settle(sidebar: SidebarPage): Promise<void> {
  await sidebar.idle();
  // Japanese glyphs come from the system's Noto CJK: wait until they are laid out.
  // No focus ring or caret left where the script last typed.
  await sidebar.page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> }; activeElement: { blur?: () => void } | null } }).document;
    doc.activeElement?.blur?.();
    return doc.fonts.ready.then(() => undefined);
  });
}

async function shoot(sidebar: SidebarPage, view: SidebarView): Promise<void> {
  await settle(sidebar);
  const problems = [...sidebar.pageErrors(), ...sidebar.blockedRequests().map((url) => `blocked request: ${url}`)];
  if (problems.length > 0) throw new Error(`the ${view} view had errors:\n${problems.join('\n')}`);
  const path = join(DOCS, `addon-${view}.png`);
  await sidebar.page.screenshot({ path, fullPage: true, caret: 'hide', animations: 'disabled' });
  console.log(`wrote ${path}`);
}

function notice(page: Page, title: string) {
  return page.locator('.notice-title', { hasText: title }).first();
}

async function main(): Promise<void> {
  const bundleDir = await mkdtemp(join(tmpdir(), 'sfa-screens-'));
  const backend = await startStandaloneService({ clock: () => SCENARIO_NOW });
  let session: SidebarSession | null = null;
  let browser: Browser | null = null;
  try {
    await buildAddon({ outDir: bundleDir });
    session = await startSidebarSession(backend, bundleDir);
    browser = await launchChromium();

    // The lead sets the sheet up: the proposal as it first appears, then saved.
    await session.actAs(LEAD);
    let sidebar = await open(session, browser, 'menuSetUp');
    await sidebar.page.locator('section[data-tab-kind="deals"]').waitFor({ timeout: TIMEOUT });
    await shoot(sidebar, 'setup');
    await sidebar.page.getByRole('button', { name: '保存して同期' }).click();
    await notice(sidebar.page, '初期設定を保存しました').waitFor({ timeout: TIMEOUT });
    await sidebar.close();
    await session.grantRole(REP, 'member');
    await session.grantRole(APPROVER, 'approver');

    sidebar = await open(session, browser, 'menuSettings');
    await sidebar.page.getByRole('button', { name: '保存', exact: true }).waitFor({ timeout: TIMEOUT });
    await shoot(sidebar, 'settings');
    await sidebar.close();

    // The rep on the stale quote: its card, then a visit being logged.
    await session.actAs(REP);
    await session.runtime.setActiveCell(DEALS_SHEET, STALE_DEAL.row, 3);
    sidebar = await open(session, browser, 'menuOpenSidebar');
    let page = sidebar.page;
    await page.locator('.view-deal article.deal-card').waitFor({ timeout: TIMEOUT });
    await shoot(sidebar, 'deal');

    await page.getByRole('button', { name: '訪問を記録' }).click();
    const visit = page.locator('.view-visit form');
    await visit.getByLabel('面談者', { exact: false }).waitFor({ timeout: TIMEOUT });
    await visit.getByLabel('面談者', { exact: false }).fill('製造部 木村課長、情報システム課 井上様');
    await visit.getByLabel('同行者', { exact: false }).fill('山田 健一');
    await visit.getByLabel('話した内容', { exact: false }).fill('見積の内容で社内稟議を通す方向。導入時期の確認。');
    await visit.getByLabel('お客様の要望', { exact: false }).fill('サーバー機器を3月初めに納品してほしい');
    await visit.getByLabel('次のアクション', { exact: true }).fill('納期回答と注文書の受領');
    await visit.getByLabel('次のアクションの期日', { exact: false }).fill('2026-11-27');
    await visit.getByRole('radio', { name: '自社' }).check();
    await shoot(sidebar, 'visit');
    await visit.getByRole('button', { name: '記録する' }).click();
    await notice(page, '訪問記録を保存しました').waitFor({ timeout: TIMEOUT });

    // A special request with its live estimate, before it is submitted.
    await page.getByRole('tab', { name: '申請' }).click();
    const request = page.locator('.view-request form');
    await request.getByLabel('種類', { exact: false }).selectOption({ label: SPECIAL_DELIVERY.typeLabel });
    await request.getByLabel('背景', { exact: false }).fill(SPECIAL_DELIVERY.background);
    await request.getByLabel('依頼内容', { exact: false }).fill(SPECIAL_DELIVERY.description);
    await request.getByLabel('検討した代替案', { exact: false }).fill(SPECIAL_DELIVERY.alternative);
    const [first, second] = SPECIAL_DELIVERY.hours;
    await request.getByLabel('役割 1', { exact: true }).selectOption(first.role);
    await request.getByLabel('時間 1', { exact: true }).fill(String(first.hours));
    await request.getByRole('button', { name: /役割を追加/ }).click();
    await request.getByLabel('役割 2', { exact: true }).selectOption(second.role);
    await request.getByLabel('時間 2', { exact: true }).fill(String(second.hours));
    await request.getByRole('button', { name: /直接費を追加/ }).click();
    await request.getByLabel('直接費 1 の内容', { exact: true }).fill(SPECIAL_DELIVERY.direct.label);
    await request.getByLabel('直接費 1 の金額', { exact: false }).fill(String(SPECIAL_DELIVERY.direct.amount));
    await request.locator(`[data-total="${SPECIAL_DELIVERY.total}"]`).waitFor({ timeout: TIMEOUT });
    await shoot(sidebar, 'request');
    await request.getByRole('button', { name: '申請する' }).click();
    await notice(page, '申請しました').waitFor({ timeout: TIMEOUT });
    await sidebar.close();

    // Sales support's queue.
    await session.actAs(APPROVER);
    sidebar = await open(session, browser, 'menuOpenSidebar');
    page = sidebar.page;
    await page.getByRole('tab', { name: '承認' }).click();
    await page.locator('article.approval').first().waitFor({ timeout: TIMEOUT });
    await shoot(sidebar, 'approvals');
    await sidebar.close();
  } finally {
    await browser?.close();
    await session?.close();
    await backend.close();
    await rm(bundleDir, { recursive: true, force: true });
  }
}

await main();
