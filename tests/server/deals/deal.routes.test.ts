// The sidebar's deal card over HTTP on a real Postgres: its flags are the flags cell the sync
// wrote, its days age with the clock between syncs, it speaks the reader's language, it carries
// 要コスト確認 and a logged visit's effect at once, and it never shows another spreadsheet's deal.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isoDateFromSerial } from '../../../shared/calendar/iso-date.ts';
import { cellText } from '../../../shared/cells/cell-text.ts';
import type { MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import type { WritePlanWire } from '../../../server/push-sync/plan-wire.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import { applyPlanWire, pushBody } from '../../support/service/apply-plan-wire.ts';
import { startServiceHarness, type ServiceHarness } from '../../support/service/service-harness.ts';
import type { SheetsStandIn } from '../../support/sheets-api/sheets-stand-in.ts';
import { cellOf, dealGrid, deleteRow, idOf, rowOf, serial, serviceHeaderOf } from '../sync/test-sheet.ts';

const SHEET_A = '1DdddddddddddddddddddddddddddddddddddddddddAA';
const SHEET_B = '1DdddddddddddddddddddddddddddddddddddddddddBB';
const ALICE = 'alice@example.co.jp';
const BOB = 'bob@example.co.jp';
// 2026-11-20 09:00 in Tokyo.
const NOW = new Date('2026-11-20T00:00:00Z');
const KIKAN = '基幹システム更新';
const HAISO = '配送システム';
const SOKO = '倉庫管理 PoC';

interface CardFlag {
  code: string;
  label: string;
  reason: string;
  tone: string;
}
interface Card {
  id: string;
  title: string | null;
  account: string | null;
  owner: string | null;
  stage: { code: string; label: string } | null;
  enteredStageOn: string | null;
  daysInStage: number | null;
  ball: string | null;
  ballSince: string | null;
  ballDays: number | null;
  nextAction: string | null;
  nextActionOn: string | null;
  amount: number | null;
  flags: CardFlag[];
  lastContactOn: string | null;
  sheetRow: number | null;
  removed: boolean;
}

function dealsA(): MutableGrid {
  return dealGrid([
    // In 見積提出 since 11-02 (18 days, limit 14); the quote went out 10-31: the ball sat with the customer 20 days.
    { title: KIKAN, account: '株式会社サンプル', stage: '見積提出', owner: '佐藤', amount: 3_000_000, quoteSentOn: serial('2026-10-31'), stageChangedOn: serial('2026-11-02') },
    // リード for 10 days: nearing the 14-day limit from day 12 (80%).
    { title: HAISO, account: '東邦物流', stage: 'リード', owner: '田中', stageChangedOn: serial('2026-11-10') },
    // No owner, and its next action was due five days ago.
    { title: SOKO, account: '東邦物流', stage: '提案', nextActionOn: serial('2026-11-15'), stageChangedOn: serial('2026-11-18') },
  ]);
}

describeIfPostgres('GET /v1/spreadsheets/{id}/deals/{dealId}', () => {
  let h: ServiceHarness;
  let now = NOW;
  let grid: MutableGrid;
  const base = `/v1/spreadsheets/${SHEET_A}`;

  const push = async (spreadsheetId: string, grids: MutableGrid[]): Promise<WritePlanWire> => {
    const res = await h.call('POST', `/v1/spreadsheets/${spreadsheetId}/sync`, { as: ALICE, body: pushBody('営業管理表', 'Asia/Tokyo', grids) });
    expect(res.status).toBe(200);
    return ((await res.json()) as { plan: WritePlanWire }).plan;
  };
  const sync = async () => applyPlanWire([grid], await push(SHEET_A, [grid]));
  const card = async (title: string, headers: Record<string, string> = {}): Promise<Card> => {
    const res = await h.call('GET', `${base}/deals/${idOf(grid, title)}`, { as: ALICE, headers });
    expect(res.status).toBe(200);
    return (await res.json()) as Card;
  };
  /** The flags and reasons cells as the sheet shows them, and the card's in the same form. */
  const cells = (title: string) => ({
    flags: cellText(cellOf(grid, title, serviceHeaderOf('flags'))),
    reasons: cellText(cellOf(grid, title, serviceHeaderOf('flagReasons'))),
    daysInStage: cellOf(grid, title, serviceHeaderOf('daysInStage')),
  });
  const shown = (c: Card) => ({ flags: c.flags.map((f) => f.label).join(', '), reasons: c.flags.map((f) => f.reason).join('; '), daysInStage: c.daysInStage });

  beforeAll(async () => {
    h = await startServiceHarness({ label: 'deal_card', clock: () => now, google: true });
    grid = dealsA();
    const standIn = h.standIn as SheetsStandIn;
    for (const id of [SHEET_A, SHEET_B]) standIn.createSpreadsheet({ spreadsheetId: id, title: '営業管理表', timeZone: 'Asia/Tokyo', sheets: [{ title: grid.name, rows: grid.rows, valueInputOption: 'RAW' as const }], sharedWith: [ALICE, BOB] });
    await sync();
    applyPlanWire([dealsA()], await push(SHEET_B, [dealsA()]));
  });

  afterAll(async () => {
    await h?.close();
  });

  it('shows the flags, reasons and days in stage the sync wrote into the deal\'s row when read the same day', async () => {
    for (const title of [KIKAN, HAISO, SOKO]) {
      const c = await card(title);
      expect(shown(c), title).toEqual(cells(title));
      expect(c.sheetRow, title).toBe(rowOf(grid, title).sheetRow);
      expect(c.enteredStageOn, title).toBe(isoDateFromSerial(Number(cellOf(grid, title, serviceHeaderOf('stageEnteredOn')))));
    }
    expect(await card(KIKAN)).toEqual({
      id: idOf(grid, KIKAN),
      title: KIKAN,
      account: '株式会社サンプル',
      owner: '佐藤',
      stage: { code: 'quote', label: '見積提出' },
      enteredStageOn: '2026-11-02',
      daysInStage: 18,
      ball: 'customer',
      ballSince: '2026-10-31',
      ballDays: 20,
      nextAction: null,
      nextActionOn: null,
      amount: 3_000_000,
      flags: [
        { code: 'stale', label: '停滞', reason: '見積提出に18日滞留(基準14日)', tone: 'stale' },
        { code: 'ball_follow_up', label: 'ボール滞留', reason: 'ボールが顧客側に20日(2026-10-31から、基準7日)', tone: 'warning' },
      ],
      lastContactOn: null,
      sheetRow: rowOf(grid, KIKAN).sheetRow,
      removed: false,
    });
    expect((await card(SOKO)).flags.map((f) => [f.code, f.tone])).toEqual([
      ['next_action_overdue', 'warning'],
      ['no_owner', 'info'],
    ]);
    expect((await card(HAISO)).flags).toEqual([]);
  });

  it('counts days in stage to today in the spreadsheet\'s time zone when the clock moves on without a sync', async () => {
    try {
      // 11-21 23:30 UTC is already 11-22 in Tokyo: day 12 of リード, 80% of its 14 days.
      now = new Date('2026-11-21T23:30:00Z');
      expect(await card(HAISO)).toMatchObject({ daysInStage: 12, flags: [{ code: 'stale_warning', label: '滞留注意', tone: 'warning' }] });
      expect(await card(KIKAN)).toMatchObject({ daysInStage: 20, ballDays: 22 });
      now = new Date('2026-11-24T00:00:00Z');
      expect(await card(HAISO)).toMatchObject({ daysInStage: 14, flags: [{ code: 'stale', reason: 'リードに14日滞留(基準14日)' }] });
      // The sheet still shows what the sync wrote on the 20th; a sync today writes what the card says.
      expect(cells(HAISO).daysInStage).toBe(10);
      await sync();
      expect(shown(await card(HAISO))).toEqual(cells(HAISO));
    } finally {
      now = NOW;
      await sync();
    }
  });

  it('speaks the reader\'s language when Accept-Language asks for English, Japanese by default', async () => {
    const res = await h.call('GET', `${base}/deals/${idOf(grid, KIKAN)}`, { as: ALICE, headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(res.headers.get('content-language')).toBe('en');
    const en = (await res.json()) as Card;
    expect(en.stage).toEqual({ code: 'quote', label: 'Quote' });
    expect(en.flags.map((f) => [f.label, f.reason])).toEqual([
      ['Stale', '18d in Quote (limit 14d)'],
      ['Ball with customer', 'Ball with the customer for 20d (since 2026-10-31, limit 7d)'],
    ]);
    const ja = await card(KIKAN, { 'accept-language': 'fr' });
    expect(ja.stage?.label).toBe('見積提出');
    expect(ja.flags.map((f) => f.label)).toEqual(['停滞', 'ボール滞留']);
  });

  it('answers 404 for an unknown id and for another spreadsheet\'s deal, and 403 to a caller without a role', async () => {
    const idOnA = idOf(grid, KIKAN);
    for (const path of [`${base}/deals/no-such-deal`, `/v1/spreadsheets/${SHEET_B}/deals/${idOnA}`]) {
      const res = await h.call('GET', path, { as: ALICE });
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
    expect((await h.call('GET', `${base}/deals/${idOnA}`, { as: BOB })).status).toBe(403);
  });

  it('answers 400 naming the id, not a database error, when the id holds a NUL', async () => {
    const res = await h.call('GET', `${base}/deals/abc%00`, { as: ALICE });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'invalid_request', message: 'path.dealId: must not contain the NUL character (U+0000)' } });
  });

  it('carries 要コスト確認 as soon as a costly request is filed on the deal, as the next sync writes it', async () => {
    const filed = await h.call('POST', `${base}/requests`, {
      as: ALICE,
      body: {
        type: 'special_support',
        background: '先方の監査対応で、年度末までに追加の報告書が必要になったため',
        description: '監査用の報告書を3部追加で作成する',
        dealId: idOf(grid, SOKO),
        cost: { directCosts: [{ label: '報告書作成', amount: 150_000 }] },
        submit: true,
      },
    });
    expect(filed.status).toBe(201);
    const before = await card(SOKO);
    expect(before.flags.map((f) => f.code)).toEqual(['next_action_overdue', 'cost_review', 'no_owner']);
    expect(before.flags[1]).toMatchObject({ label: '要コスト確認', tone: 'warning' });
    expect(cells(SOKO).flags).not.toContain('要コスト確認');
    await sync();
    expect(shown(await card(SOKO))).toEqual(cells(SOKO));
  });

  it('shows a visit logged through the API at once: the ball back with us, its next action and the day of contact', async () => {
    const logged = await h.call('POST', `${base}/visits`, {
      as: ALICE,
      body: { visitedOn: '2026-11-20', dealId: idOf(grid, KIKAN), discussed: '見積内容の確認', nextAction: '修正見積の提出', nextActionOn: '2026-11-25', ballAfter: 'us' },
    });
    expect(logged.status).toBe(201);
    applyPlanWire([grid], ((await logged.json()) as { plan: WritePlanWire }).plan);
    const c = await card(KIKAN);
    expect(c).toMatchObject({ ball: 'us', ballSince: '2026-11-20', ballDays: null, nextAction: '修正見積の提出', nextActionOn: '2026-11-25', lastContactOn: '2026-11-20' });
    expect(c.flags.map((f) => f.code)).toEqual(['stale']);
    expect(shown(c)).toEqual(cells(KIKAN));
  });

  it('keeps a deal removed from the sheet readable as removed, on no row', async () => {
    const id = idOf(grid, HAISO);
    deleteRow(grid, HAISO);
    await sync();
    const res = await h.call('GET', `${base}/deals/${id}`, { as: ALICE });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id, title: HAISO, removed: true, sheetRow: null });
  });
});
