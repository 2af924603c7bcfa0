// One registered spreadsheet behind the real service on a real Postgres, pushed by the add-on's
// sync as in production: a deals tab and a visits tab, Alice its admin, Bob a member, Carol a
// manager, Dave someone it is shared with but who holds no role.
import { expect } from 'vitest';
import type { WritePlanWire } from '../../../server/push-sync/plan-wire.ts';
import type { MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { applyPlanWire, pushBody } from '../../support/service/apply-plan-wire.ts';
import { startServiceHarness, type ServiceHarness } from '../../support/service/service-harness.ts';
import type { SheetsStandIn } from '../../support/sheets-api/sheets-stand-in.ts';
import { dealGrid, serial } from '../sync/test-sheet.ts';

export const ALICE = 'alice@example.co.jp';
export const BOB = 'bob@example.co.jp';
export const CAROL = 'carol@example.co.jp';
export const DAVE = 'dave@example.co.jp';
export const SHEET_TITLE = '2026年度 営業案件管理表';
// 2026-11-20 09:00 in Tokyo.
export const NOW = new Date('2026-11-20T00:00:00Z');

const VISIT_HEADERS = ['訪問日', '顧客名', '案件名', '担当者', '面談者', '商談内容', 'お客様の要望', '次回アクション', '次回予定日', 'ボール'];

function visitGrid(): MutableGrid {
  const row = (...cells: CellValue[]) => cells;
  return {
    name: '訪問記録',
    rows: [
      ['訪問記録'],
      [],
      [...VISIT_HEADERS],
      row(serial('2026-11-20'), '株式会社サンプル', '基幹システム更新', ALICE, '山田部長', '見積の説明', '納期を2週間前倒ししてほしい', '再見積の提出', serial('2026-11-27'), '自社'),
      row(serial('2026-11-20'), '東邦物流', '倉庫管理 PoC', ALICE, '伊藤様', 'PoC の進め方', null, 'デモ日程の調整', null, 'お客様'),
      row(serial('2026-11-20'), '北海電機', '保守契約 更新', '佐藤', '高橋様', '更新条件', '値引きの相談', null, null, null),
      row(serial('2026-11-19'), '北海電機', '保守契約 更新', '佐藤　', '高橋様', '前回の確認', null, null, null, null),
    ],
  };
}

export interface FeedFixture {
  readonly h: ServiceHarness;
  readonly sheet: string;
  readonly deals: MutableGrid;
  readonly visits: MutableGrid;
  /** Pushes the grids as the add-on does and applies the answer to them. */
  push(as?: string): Promise<void>;
  /** GET under the spreadsheet, expecting 200. */
  get<T>(path: string, as: string, headers?: Record<string, string>): Promise<T>;
  close(): Promise<void>;
}

export async function startFeedFixture(label: string, sheet: string): Promise<FeedFixture> {
  const h = await startServiceHarness({ label, clock: () => NOW, google: true });
  const deals = dealGrid([
    { title: '基幹システム更新', account: '株式会社サンプル', stage: '提案', owner: '佐藤', stageChangedOn: serial('2026-11-10') },
    { title: '倉庫管理 PoC', account: '東邦物流', stage: '提案', owner: '田中', stageChangedOn: serial('2026-11-18') },
    { title: '保守契約 更新', account: '北海電機', stage: 'クロージング', owner: '佐藤', stageChangedOn: serial('2026-11-19') },
  ]);
  const visits = visitGrid();
  (h.standIn as SheetsStandIn).createSpreadsheet({
    spreadsheetId: sheet,
    title: SHEET_TITLE,
    timeZone: 'Asia/Tokyo',
    sheets: [{ title: '案件一覧', rows: deals.rows, valueInputOption: 'RAW' }],
    sharedWith: [ALICE, BOB, CAROL, DAVE],
  });
  const fixture: FeedFixture = {
    h,
    sheet,
    deals,
    visits,
    async push(as = ALICE) {
      const res = await h.call('POST', `/v1/spreadsheets/${sheet}/sync`, { as, body: pushBody(SHEET_TITLE, 'Asia/Tokyo', [deals, visits]) });
      expect(res.status).toBe(200);
      applyPlanWire([deals, visits], ((await res.json()) as { plan: WritePlanWire }).plan);
    },
    async get<T>(path: string, as: string, headers: Record<string, string> = {}) {
      const res = await h.call('GET', `/v1/spreadsheets/${sheet}${path}`, { as, headers });
      expect(res.status, `${path}: ${res.status}`).toBe(200);
      return (await res.json()) as T;
    },
    close: () => h.close(),
  };
  await fixture.push();
  expect((await h.call('PUT', `/v1/spreadsheets/${sheet}/members/${BOB}/roles/member`, { as: ALICE })).status).toBe(200);
  expect((await h.call('PUT', `/v1/spreadsheets/${sheet}/members/${CAROL}/roles/manager`, { as: ALICE })).status).toBe(200);
  return fixture;
}
