// The built add-on in the worker runtime, its UrlFetchApp reaching the real service over HTTP:
// sync from the menu, the triggers the settings install (once each), and a burst of edits that
// ends in one sync.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AddonRuntime } from '../../support/apps-script/addon-runtime.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import type { AddonSettings, RpcResult } from '../../../addon/src/rpc/sidebar-rpc.ts';
import { startAddonWithService, type AddonWithService } from '../bootstrap/addon-with-service.ts';

const SHEET_ID = '1SfaAddonRuntimeaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const DEALS = '案件一覧';
const ALICE = 'alice@example.co.jp';
const NOW = new Date('2026-11-20T00:00:00Z');

describeIfPostgres('the add-on in the worker runtime with the service', () => {
  let env: AddonWithService;
  let runtime: AddonRuntime;
  const syncPosts = async () => (await runtime.fetches()).filter((f) => f.method === 'POST' && f.url.endsWith('/sync'));

  beforeAll(async () => {
    env = await startAddonWithService({
      label: 'addon_runtime',
      spreadsheet: {
        id: SHEET_ID,
        name: '営業案件',
        timeZone: 'Asia/Tokyo',
        sheets: [
          {
            name: DEALS,
            rows: [
              ['案件名', '顧客名', 'ステージ', '担当者', 'ステージ変更日'],
              ['基幹システム更新', '株式会社サンプル', '見積提出', '佐藤', '2026/10/01'],
              ['倉庫管理 PoC', '東邦物流', '提案', '田中', '2026/11/18'],
            ],
          },
        ],
      },
      people: [ALICE],
      user: ALICE,
      now: NOW,
    });
    runtime = env.runtime;
  });

  afterAll(async () => {
    await env?.close();
  });

  it('syncs from the menu over HTTP and registers the spreadsheet with its first user as admin', async () => {
    await runtime.call('menuSyncNow');
    expect((await runtime.ui()).toasts.at(-1)?.message).toMatch(/^同期しました: 2 行を読み込み/);
    expect(await syncPosts()).toEqual([expect.objectContaining({ status: 200, error: null })]);
    const header = (await runtime.snapshot()).sheets[0]?.values[0] ?? [];
    expect(header.slice(5)).toEqual(['ID [SFA]', 'ステージ開始日 [SFA]', '滞留日数 [SFA]', 'ボール滞留日数 [SFA]', 'フラグ [SFA]', 'フラグ理由 [SFA]']);
    const me = await env.service.call('GET', `/v1/spreadsheets/${SHEET_ID}`, { as: ALICE });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ roles: expect.arrayContaining(['admin']) });
  });

  it('installs the hourly and the change trigger once each when the settings are saved twice', async () => {
    const settings = (await runtime.call<RpcResult<AddonSettings>>('sidebarSettings')) as { ok: true; value: AddonSettings };
    expect(settings.ok).toBe(true);
    const wanted = { ...settings.value, hourlySync: true, syncOnChange: true };
    expect((await runtime.call<RpcResult<AddonSettings>>('sidebarSaveSettings', wanted)).ok).toBe(true);
    expect((await runtime.call<RpcResult<AddonSettings>>('sidebarSaveSettings', wanted)).ok).toBe(true);
    const triggers = await runtime.triggers();
    expect(triggers.map((t) => [t.handlerFunction, t.eventType, t.everyHours])).toEqual([
      ['onHourlySync', 'CLOCK', 1],
      ['onSheetChange', 'ON_CHANGE', null],
    ]);
  });

  it('folds a burst of edits into one sync', async () => {
    await runtime.clearRecords();
    // A sync is running (it holds the document lock): the edits are only recorded.
    await runtime.holdLock('document', true);
    for (const owner of ['佐藤', '鈴木', '高橋']) await runtime.editCells(DEALS, 2, 4, [[owner]]);
    expect(await syncPosts()).toEqual([]);
    await runtime.holdLock('document', false);
    await runtime.editCells(DEALS, 3, 4, [['山本']]);
    expect(await syncPosts()).toHaveLength(1);
    expect((await runtime.triggers()).find((t) => t.handlerFunction === 'onSheetChange')?.failures).toEqual([]);
  });

  it('pushes a sheet over 64 kB gzipped, and the service reads every row of it', async () => {
    const rows = Array.from({ length: 900 }, (_, i) => [`案件 ${i} 基幹システム更新のご提案`, `顧客 ${i} 株式会社サンプル`, '提案', '佐藤', '2026/11/18']);
    await runtime.editCells(DEALS, 4, 1, rows);
    await runtime.clearRecords();
    await runtime.call('menuSyncNow');
    expect((await runtime.ui()).toasts.at(-1)?.message).toMatch(/^同期しました: 902 行を読み込み/);
    const [push] = await syncPosts();
    expect(push).toEqual(expect.objectContaining({ status: 200, error: null, headers: expect.objectContaining({ 'Content-Encoding': 'gzip' }) }));
  });

  it('syncs from the hourly trigger', async () => {
    await runtime.clearRecords();
    expect(await runtime.runTimeDrivenTriggers()).toBe(1);
    expect(await syncPosts()).toEqual([expect.objectContaining({ status: 200 })]);
  });
});
