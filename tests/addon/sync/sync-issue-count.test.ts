// A sheet with more unreadable cells than the service lists (it sends the first 500 and the count
// of all), through the built add-on in the worker runtime and the real service: the sync outcome
// carries the full count, and the menu's toast says how many of them the sidebar lists.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AddonRuntime } from '../../support/apps-script/addon-runtime.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import type { RpcResult, SyncOutcome } from '../../../addon/src/rpc/sidebar-rpc.ts';
import { startAddonWithService, type AddonWithService } from '../bootstrap/addon-with-service.ts';

const SHEET_ID = '1SfaIssueCountaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const DEALS = '案件一覧';
const ALICE = 'alice@example.co.jp';
const NOW = new Date('2026-11-20T00:00:00Z');
const BAD_ROWS = 620;

describeIfPostgres('a sync with more unreadable cells than the service lists', () => {
  let env: AddonWithService;
  let runtime: AddonRuntime;

  beforeAll(async () => {
    // Every deal's amount is unreadable: one issue per row.
    const rows = Array.from({ length: BAD_ROWS }, (_, i) => [`案件 ${i + 1}`, `顧客 ${i + 1}`, '提案', '佐藤', '要確認']);
    env = await startAddonWithService({
      label: 'addon_issue_count',
      spreadsheet: { id: SHEET_ID, name: '営業案件', timeZone: 'Asia/Tokyo', sheets: [{ name: DEALS, rows: [['案件名', '顧客名', 'ステージ', '担当者', '金額'], ...rows] }] },
      people: [ALICE],
      user: ALICE,
      now: NOW,
    });
    runtime = env.runtime;
  });

  afterAll(async () => {
    await env?.close();
  });

  it('reports the full count with the first 500 cells to the sidebar', async () => {
    const result = await runtime.call<RpcResult<SyncOutcome>>('sidebarSyncNow');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.issueCount).toBe(BAD_ROWS);
    expect(result.value.issues).toHaveLength(500);
    expect(result.value.issues[0]).toMatchObject({ sheet: DEALS, row: 2, message: expect.stringContaining('金額として読めません') });
  });

  it('says in the toast how many of them the sidebar lists', async () => {
    await runtime.clearRecords();
    await runtime.call('menuSyncNow');
    expect((await runtime.ui()).toasts.at(-1)?.message).toContain(`読み取れないセルが ${BAD_ROWS} 件あります(${BAD_ROWS} 件中 500 件をサイドバーで確認できます)。`);
  });
});
