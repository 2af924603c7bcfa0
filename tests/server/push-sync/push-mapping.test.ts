// The add-on's push with the set-up's mapping, over HTTP on a real Postgres: the mapping (tabs,
// the team's stage labels, thresholds) is used and stored, a later push without it reads the same
// columns, and a mapping that is malformed or names what the sheet lacks is a 400 naming it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cellText } from '../../../shared/cells/cell-text.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import type { MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import type { WritePlanWire } from '../../../server/push-sync/plan-wire.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import { applyPlanWire, pushBody } from '../../support/service/apply-plan-wire.ts';
import { startServiceHarness, type ServiceHarness } from '../../support/service/service-harness.ts';
import type { SheetsStandIn } from '../../support/sheets-api/sheets-stand-in.ts';
import { serial, serviceHeaderOf } from '../sync/test-sheet.ts';

const SHEET = '1MmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmMM';
const ALICE = 'alice@example.co.jp';
const NOW = new Date('2026-11-20T00:00:00Z');
const TAB = '台帳';
// プロジェクト is no header the detection knows for a deal's title: only the mapping names it.
const HEADERS = ['担当者', '取引先', 'プロジェクト', 'ステージ', '金額', 'ステージ変更日'];
const KIKAN = '基幹システム更新';
const SOKO = '倉庫管理 PoC';

const MAPPING = {
  tabs: { deals: { sheet: TAB, headerRow: 3, columns: { title: 'C', stage: 'ステージ' } } },
  // 内示 is the team's own word for closing; no built-in synonym knows it.
  stageLabels: { 内示: 'closing' },
  settings: { stages: { quote: { staleAfterDays: 10 } } },
};

interface PushAnswer {
  plan: WritePlanWire;
  summary: { tabs: { sheet: string; read: number; inserted: number; updated: number; unchanged: number }[]; cellsWritten: number; mappingProblems: unknown[]; settingsProblems: string[] };
}
interface ErrorAnswer {
  error: { code: string; message: string };
}
interface SpreadsheetAnswer {
  mapping: { tabs: Record<string, { sheet: string; headerRow?: number; columns: Record<string, string> }> } | null;
  settings: Record<string, unknown> | null;
  lastSyncedAt: string | null;
}

function ledger(): MutableGrid {
  const rows: CellValue[][] = [
    // 11 days in 見積提出: stale only under the team's 10-day limit (14 by default).
    ['佐藤', '株式会社サンプル', KIKAN, '見積提出', 3_000_000, serial('2026-11-09')],
    ['田中', '東邦物流', SOKO, '内示', 800_000, serial('2026-11-18')],
  ];
  return { name: TAB, rows: [['営業台帳 2026'], [], [...HEADERS], ...rows] };
}

function cellUnder(grid: MutableGrid, title: string, header: string): string {
  const headers = (grid.rows[2] ?? []).map((c) => cellText(c));
  const row = grid.rows.find((r) => r[2] === title);
  if (row === undefined) throw new Error(`no row ${title}`);
  return cellText(row[headers.indexOf(header)] ?? null);
}

describeIfPostgres('POST /v1/spreadsheets/{id}/sync with a mapping', () => {
  let h: ServiceHarness;
  let grid: MutableGrid;
  const base = `/v1/spreadsheets/${SHEET}`;

  const push = (extra: Record<string, unknown> = {}) => h.call('POST', `${base}/sync`, { as: ALICE, body: pushBody('営業台帳', 'Asia/Tokyo', [grid], extra) });
  const spreadsheet = async (): Promise<SpreadsheetAnswer> => (await (await h.call('GET', base, { as: ALICE })).json()) as SpreadsheetAnswer;
  const refused = async (mapping: unknown): Promise<ErrorAnswer['error']> => {
    const res = await push({ mapping });
    expect(res.status).toBe(400);
    return ((await res.json()) as ErrorAnswer).error;
  };

  beforeAll(async () => {
    h = await startServiceHarness({ label: 'push_mapping', clock: () => NOW, google: true });
    grid = ledger();
    (h.standIn as SheetsStandIn).createSpreadsheet({ spreadsheetId: SHEET, title: '営業台帳', timeZone: 'Asia/Tokyo', sheets: [{ title: TAB, rows: grid.rows, valueInputOption: 'RAW' }], sharedWith: [ALICE] });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('reads the sheet with the mapping\'s columns, stage labels and thresholds, and stores them', async () => {
    const res = await push({ mapping: MAPPING });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as PushAnswer;
    expect(answer.summary).toMatchObject({ mappingProblems: [], settingsProblems: [], tabs: [{ sheet: TAB, read: 2, inserted: 2 }] });
    applyPlanWire([grid], answer.plan);
    expect(cellUnder(grid, KIKAN, serviceHeaderOf('flagReasons'))).toBe('見積提出に11日滞留(基準10日)');
    // 内示 read as closing: no unknown-stage flag.
    expect(cellUnder(grid, SOKO, serviceHeaderOf('flags'))).toBe('');

    const stored = await spreadsheet();
    // The column letter is remembered by its header text, so moving the column keeps the mapping.
    expect(stored.mapping?.tabs.deals).toEqual({
      sheet: TAB,
      headerRow: 3,
      columns: { owner: '担当者', account: '取引先', title: 'プロジェクト', stage: 'ステージ', amount: '金額', stageChangedOn: 'ステージ変更日' },
    });
    expect(stored.settings).toMatchObject({ stages: { quote: { staleAfterDays: 10 } }, stageLabels: { 内示: 'closing' } });
  });

  it('reads the same columns, labels and thresholds on a later push without the mapping', async () => {
    const res = await push();
    expect(res.status).toBe(200);
    const answer = (await res.json()) as PushAnswer;
    expect(answer.summary.tabs).toEqual([expect.objectContaining({ read: 2, inserted: 0, updated: 0, unchanged: 2 })]);
    expect(answer.summary.cellsWritten).toBe(0);
  });

  it('refuses a malformed mapping with 400 naming each problem\'s path, and stores nothing', async () => {
    const before = await spreadsheet();
    const error = await refused({ tabs: { deals: { headerRow: 0 } }, stageLabel: {} });
    expect(error.code).toBe('invalid_request');
    expect(error.message).toBe(
      'mapping.stageLabel: unknown key (expected tabs, stageLabels, settings); mapping.tabs.deals.sheet: must be the tab\'s name; mapping.tabs.deals.headerRow: must be a row number from 1',
    );
    expect(await spreadsheet()).toEqual(before);
  });

  it.each<[string, unknown, string]>([
    ['a header the sheet lacks', { tabs: { deals: { sheet: TAB, columns: { title: '案件名称' } } } }, `mapping.tabs.deals.columns.title: sheet "${TAB}" has no column headed "案件名称" in its header row`],
    ['a tab that was not sent', { tabs: { deals: { sheet: '案件一覧' } } }, 'mapping.tabs.deals.sheet: no tab named "案件一覧" among the tabs sent'],
    ['a field deals do not have', { tabs: { deals: { sheet: TAB, columns: { visitedOn: '金額' } } } }, 'mapping.tabs.deals.columns.visitedOn: not a field of deals'],
  ])('refuses a mapping naming %s with 400 saying which tab and field, leaving the stored one', async (_, mapping, message) => {
    const before = await spreadsheet();
    const error = await refused(mapping);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain(message);
    expect(await spreadsheet()).toEqual(before);
  });
});
