// The built add-on syncing a team's Japanese sheet with the real service on a real Postgres: the
// first sync proves access with the user's own token, only the service's columns are written, a
// sort between the push and the apply is caught by the id check, and an unreachable service or a
// held lock writes nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAddonSandbox, type AddonSandbox, type FakeSpreadsheetInit, type FakeUser } from '../../support/apps-script/addon-sandbox.ts';
import type { SheetSnapshot } from '../../support/apps-script/apps-script-records.ts';
import { offlineTransport } from '../../support/apps-script/sync-transport.ts';
import { sortRows } from '../../support/apps-script/user-actions.ts';
import { addonBundleDir } from '../../support/addon-bundle.ts';
import { bundleForService } from '../../support/apps-script/bundle-for-service.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import { startServiceHarness, type ServiceHarness } from '../../support/service/service-harness.ts';
import type { SheetsStandIn } from '../../support/sheets-api/sheets-stand-in.ts';
import type { RpcResult, SyncOutcome } from '../../../addon/src/rpc/sidebar-rpc.ts';
import { serviceRelay, type ServiceRelay } from './service-relay.ts';

const SHEET_ID = '1SfaAddonSyncaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const DEALS = '案件一覧';
const ALICE = 'alice@example.co.jp';
// 2026-11-20 09:00 in Tokyo.
const NOW = new Date('2026-11-20T00:00:00Z');
const HEADERS = ['担当者', '案件名', 'ステージ', '金額', '顧客名', 'メモ', 'ボール', '見積提出日', '次回予定日', 'ステージ変更日'];
const TEAM_COLUMNS = HEADERS.length;

function spreadsheet(): FakeSpreadsheetInit {
  return {
    id: SHEET_ID,
    name: '2026年度 営業案件管理表',
    timeZone: 'Asia/Tokyo',
    sheets: [
      {
        name: DEALS,
        rows: [
          ['2026年度 営業案件管理表'],
          [],
          HEADERS,
          ['佐藤', '基幹システム更新', '見積提出', 1200000, '株式会社サンプル', '=LEN(B4)', '顧客', '2026/10/01', '2026/11/30', '2026/10/01'],
          ['田中', '倉庫管理 PoC', '提案', '¥3,000,000', '東邦物流', '先方検討中', '自社', null, '2026/11/10', '2026/11/18'],
          ['鈴木', '保守契約 更新', 'クロージング', 800000, '北海電機', null, null, null, null, '2026/11/19'],
        ],
      },
      { name: 'メモ', rows: [['今週の予定'], ['=TODAY()']] },
    ],
  };
}

const deals = (sandbox: AddonSandbox): SheetSnapshot => sandbox.snapshot().sheets.find((s) => s.name === DEALS) as SheetSnapshot;

/** The 1-based column of a header in the header row (row 3). */
const columnOf = (sheet: SheetSnapshot, header: string): number => (sheet.values[2] ?? []).indexOf(header) + 1;
const rowOf = (sheet: SheetSnapshot, title: string): number => sheet.values.findIndex((r) => r[1] === title) + 1;
const cell = (sheet: SheetSnapshot, title: string, header: string) => sheet.values[rowOf(sheet, title) - 1]?.[columnOf(sheet, header) - 1];

describeIfPostgres('the add-on syncing with the service', () => {
  let h: ServiceHarness;
  let user: FakeUser;
  let relay: ServiceRelay;
  let sandbox: AddonSandbox;

  /** Runs a call once capturing its requests (the service unreachable: nothing may be written), then with the service's answers. */
  async function withService<T>(run: () => T): Promise<T> {
    sandbox.clearRecords();
    const first = run();
    if (relay.captured.length === 0) return first;
    expect(sandbox.writes()).toEqual([]);
    await relay.forward();
    sandbox.clearRecords();
    return run();
  }

  beforeAll(async () => {
    h = await startServiceHarness({ label: 'addon_sync', clock: () => NOW, google: true });
    const standIn = h.standIn as SheetsStandIn;
    // The Google spreadsheet behind the id: Alice can open it, so her first sync may register it.
    standIn.createSpreadsheet({ spreadsheetId: SHEET_ID, title: '2026年度 営業案件管理表', timeZone: 'Asia/Tokyo', sheets: [{ title: DEALS }], sharedWith: [ALICE] });
    user = { email: ALICE, idToken: await h.identity.token(ALICE), oauthToken: standIn.userToken(ALICE), locale: 'ja' };
    relay = serviceRelay();
    sandbox = createAddonSandbox({ bundleDir: bundleForService(addonBundleDir(), h.url), spreadsheet: spreadsheet(), user, now: NOW, scriptProperties: { SERVICE_URL: h.url }, transport: relay.transport });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('writes only the service columns of the team\'s sheet on the first sync', async () => {
    const before = sandbox.snapshot();
    const result = await withService(() => sandbox.call<RpcResult<SyncOutcome>>('sidebarSyncNow'));
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ rowsRead: 3, inserted: 3, deferred: 0, issues: [] }) });
    expect(relay.sent).toEqual([{ method: 'POST', path: `/v1/spreadsheets/${SHEET_ID}/sync`, status: 200 }]);
    const fetch = sandbox.fetches()[0];
    expect(Object.keys(fetch?.headers ?? {})).toEqual(expect.arrayContaining(['Authorization', 'X-Sheets-Access-Token']));

    const after = sandbox.snapshot();
    // Every cell of the team, on every tab, is what it was; so are their formulas.
    for (const sheet of before.sheets) {
      const now = after.sheets.find((s) => s.name === sheet.name) as SheetSnapshot;
      sheet.values.forEach((row, r) => row.forEach((value, c) => expect(now.values[r]?.[c], `${sheet.name}!R${r + 1}C${c + 1}`).toEqual(value)));
      expect(now.formulas).toEqual(sheet.formulas);
    }
    // Writes land right of the team's columns only, and none of them is a formula.
    expect(sandbox.writes().length).toBeGreaterThan(0);
    expect(sandbox.writes().filter((w) => w.sheet !== DEALS || w.column <= TEAM_COLUMNS || w.formula)).toEqual([]);

    const sheet = deals(sandbox);
    expect(sheet.values[2]?.slice(TEAM_COLUMNS)).toEqual(['ID [SFA]', 'ステージ開始日 [SFA]', '滞留日数 [SFA]', 'ボール滞留日数 [SFA]', 'フラグ [SFA]', 'フラグ理由 [SFA]']);
    expect(String(cell(sheet, '基幹システム更新', 'フラグ [SFA]'))).toContain('停滞');
    expect(cell(sheet, '基幹システム更新', '滞留日数 [SFA]')).toBe(50);
    expect(String(cell(sheet, '倉庫管理 PoC', 'フラグ [SFA]'))).toContain('期限切れ');
    expect(sheet.hiddenColumns).toEqual([columnOf(sheet, 'ID [SFA]')]);
    const tagged = sheet.metadata.filter((m) => m.key === 'sheets-sfa.column').map((m) => [m.value, m.index]);
    expect(tagged).toEqual(expect.arrayContaining([['id', columnOf(sheet, 'ID [SFA]')], ['flags', columnOf(sheet, 'フラグ [SFA]')]]));
    expect(sheet.metadata.filter((m) => m.key === 'sheets-sfa.header-row').map((m) => m.index)).toEqual([3]);
    expect(result.ok && result.value.flaggedDeals).toBe(2);
  });

  it('writes nothing on a re-sync of an unchanged sheet and says so in a toast', async () => {
    await withService(() => sandbox.call('menuSyncNow'));
    expect(sandbox.writes()).toEqual([]);
    expect(sandbox.ui().toasts.map((t) => t.message)).toEqual(['同期しています…', expect.stringMatching(/^同期しました: 3 行を読み込み、0 セルを更新しました/)]);
    expect(sandbox.ui().alerts).toEqual([]);
  });

  it('puts each row\'s cells on the row its id moved to when the team sorts while the service computes', async () => {
    // The warehouse PoC moves on to the quote stage today.
    sandbox.editCells(DEALS, rowOf(deals(sandbox), '倉庫管理 PoC'), 3, [['見積提出']]);
    // The team sorts by amount, largest first, while the service computes: the PoC moves up a row.
    relay.onReplay(() => sortRows(sandbox.state, DEALS, 4, 4, false));
    const result = await withService(() => sandbox.call<RpcResult<SyncOutcome>>('sidebarSyncNow'));
    relay.onReplay(null);
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ updated: 1, deferred: 0 }) });
    const sheet = deals(sandbox);
    // The sort did move the rows.
    expect(sheet.values.slice(3).map((r) => r[1])).toEqual(['倉庫管理 PoC', '基幹システム更新', '保守契約 更新']);
    expect(cell(sheet, '倉庫管理 PoC', '滞留日数 [SFA]')).toBe(0);
    expect(cell(sheet, '倉庫管理 PoC', 'ステージ開始日 [SFA]')).toEqual({ date: '2026-11-19T15:00:00.000Z' });
    expect(cell(sheet, '基幹システム更新', '滞留日数 [SFA]')).toBe(50);
    // Nothing landed on a wrong row: the next sync finds nothing to correct.
    const again = await withService(() => sandbox.call<RpcResult<SyncOutcome>>('sidebarSyncNow'));
    expect(again).toEqual({ ok: true, value: expect.objectContaining({ cellsWritten: 0 }) });
  });

  it('answers busy and writes nothing when another sync holds the document lock', () => {
    sandbox.clearRecords();
    sandbox.holdLock('document', true);
    try {
      sandbox.call('menuSyncNow');
    } finally {
      sandbox.holdLock('document', false);
    }
    expect(relay.captured).toEqual([]);
    expect(sandbox.fetches()).toEqual([]);
    expect(sandbox.writes()).toEqual([]);
    expect(sandbox.ui().alerts.map((a) => a.prompt)).toEqual([expect.stringContaining('別の同期が実行中です')]);
  });
});

describe('the add-on when the service cannot be reached', () => {
  let sandbox: AddonSandbox;

  beforeEach(() => {
    sandbox = createAddonSandbox({
      bundleDir: bundleForService(addonBundleDir(), 'http://127.0.0.1:9'),
      spreadsheet: spreadsheet(),
      user: { email: ALICE, idToken: 'id', oauthToken: 'oauth' },
      now: NOW,
      scriptProperties: { SERVICE_URL: 'http://127.0.0.1:9' },
      transport: offlineTransport,
    });
  });

  it('says so in an alert from the menu and writes nothing', () => {
    const before = sandbox.snapshot();
    sandbox.call('menuSyncNow');
    expect(sandbox.ui().alerts.map((a) => a.prompt)).toEqual([expect.stringContaining('サービスに接続できません。シートには何も書き込んでいません。')]);
    expect(sandbox.writes()).toEqual([]);
    expect(sandbox.snapshot()).toEqual(before);
  });

  it('says so in English to an English user', () => {
    sandbox.setUser({ email: ALICE, idToken: 'id', oauthToken: 'oauth', locale: 'en' });
    expect(sandbox.call('sidebarSyncNow')).toEqual({ ok: false, error: { code: 'unreachable', message: 'The service cannot be reached. Nothing was written to the sheet. Please try again later.' } });
  });
});
