// A request typed into the requests tab names its requester in a cell. Whoever that cell names
// never decides it, nor does whoever submitted it; a row naming someone by email is submitted by
// that person only. The matching rule, then the refusals over HTTP on a real Postgres.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialFromIsoDate } from '../../../shared/calendar/iso-date.ts';
import type { WritePlanWire } from '../../../server/push-sync/plan-wire.ts';
import type { MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import { namesPerson, requesterEmails, sheetRequesterRefusal } from '../../../server/requests/sheet-requester.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import { applyPlanWire, pushBody } from '../../support/service/apply-plan-wire.ts';
import { startServiceHarness, type ServiceHarness } from '../../support/service/service-harness.ts';
import type { SheetsStandIn } from '../../support/sheets-api/sheets-stand-in.ts';
import { ADMIN, APPROVER, APPROVER_2, BACKGROUND, PEOPLE, REP, REP_APPROVER, SAMPLE, dealsGrid, requestsApi, type ErrorJson, type RequestJson } from './request-fixture.ts';

describe('namesPerson', () => {
  it.each([
    ['carol@example.co.jp', 'carol@example.co.jp', true],
    ['Carol@Example.co.jp', 'carol@example.co.jp', true],
    ['ｃａｒｏｌ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ', 'carol@example.co.jp', true],
    ['営業部 carol <carol@example.co.jp>', 'carol@example.co.jp', true],
    ['ken@example.co.jp、carol@example.co.jp', 'carol@example.co.jp', true],
    ['ken@example.co.jp', 'carol@example.co.jp', false],
    // An address names its owner only, whatever the name part of the cell says.
    ['carol <ken@example.co.jp>', 'carol@example.co.jp', false],
    ['xcarol@example.co.jp', 'carol@example.co.jp', false],
    // Japanese punctuation and brackets around an address are not part of it.
    ['「carol@example.co.jp」', 'carol@example.co.jp', true],
    ['申請者:carol@example.co.jp。', 'carol@example.co.jp', true],
    ['【carol@example.co.jp】', 'carol@example.co.jp', true],
    ['ken@example.co.jp・carol@example.co.jp', 'carol@example.co.jp', true],
    ['ken@example.co.jp/carol@example.co.jp', 'carol@example.co.jp', true],
    // An invisible character typed into the address does not hide it.
    ['carol\u200b@example.co.jp', 'carol@example.co.jp', true],
    ['Car\u200bol', 'carol@example.co.jp', true],
    // A name: the local part of the caller's email, folded.
    ['Carol', 'carol@example.co.jp', true],
    [' ＣＡＲＯＬ ', 'carol@example.co.jp', true],
    ['taro.tanaka', 'taro.tanaka@example.co.jp', true],
    ['tanaka', 'taro.tanaka@example.co.jp', false],
    ['田中 太郎', 'tanaka@example.co.jp', false],
    ['', 'carol@example.co.jp', false],
    [null, 'carol@example.co.jp', false],
  ])('says %j names %s: %s', (cell, email, expected) => {
    expect(namesPerson(cell, email)).toBe(expected);
  });
});

describe('requesterEmails', () => {
  it.each([
    ['田中 <Tanaka@Example.co.jp>.', ['tanaka@example.co.jp']],
    ['a@x.jp, b@y.co.jp; a@x.jp', ['a@x.jp', 'b@y.co.jp']],
    ['田中 太郎', []],
    ['@mention', []],
    ['「Tanaka@Example.co.jp」、『sato@example.co.jp』', ['tanaka@example.co.jp', 'sato@example.co.jp']],
    ['tanaka@example.co.jp。', ['tanaka@example.co.jp']],
  ])('reads %j as %j', (cell, expected) => {
    expect(requesterEmails(cell)).toEqual(expected);
  });
});

describe('sheetRequesterRefusal', () => {
  const row = (requester: string | null, requesterEmail: string | null) => ({ requester, requester_email: requesterEmail });
  it.each([
    ['approve', row('carol@example.co.jp', 'bob@example.co.jp'), 'carol@example.co.jp', 'named_requester'],
    ['reject', row('Carol', 'bob@example.co.jp'), 'carol@example.co.jp', 'named_requester'],
    ['return', row('Carol', 'bob@example.co.jp'), 'carol@example.co.jp', 'named_requester'],
    ['approve', row('Carol', 'bob@example.co.jp'), 'ken@example.co.jp', null],
    ['submit', row('carol@example.co.jp', null), 'bob@example.co.jp', 'not_named_requester'],
    ['submit', row('carol@example.co.jp', null), 'carol@example.co.jp', null],
    ['submit', row('田中 太郎', null), 'bob@example.co.jp', null],
    // Brackets around the address: it is still carol's row, hers to submit and not hers to decide.
    ['submit', row('「carol@example.co.jp」', null), 'carol@example.co.jp', null],
    ['submit', row('「carol@example.co.jp」', null), 'bob@example.co.jp', 'not_named_requester'],
    ['approve', row('「carol@example.co.jp」', 'carol@example.co.jp'), 'carol@example.co.jp', 'named_requester'],
    // Filed already: the workflow's requester rule applies, not the cell's.
    ['resubmit', row('carol@example.co.jp', 'bob@example.co.jp'), 'bob@example.co.jp', null],
    ['approve', row(null, 'bob@example.co.jp'), 'carol@example.co.jp', null],
  ] as const)('%s of a row %j by %s: %s', (action, r, email, code) => {
    expect(sheetRequesterRefusal(r, action, email)?.code ?? null).toBe(code);
  });
});

const SHEET = '1SheetRequesterSheetxxxxxxxxxxxxxxxxxxxxxxx';
const NOW = new Date('2026-11-20T00:00:00Z');
const HEADERS = ['申請日', '種別', '顧客名', '案件名', '申請者', '背景', '依頼内容', '代替案', '概算コスト', 'ステータス'];

/** Rows typed into the requests tab, each naming its requester another way. */
function requestsGrid(): MutableGrid {
  const row = (requester: string, cost: number) => [serialFromIsoDate('2026-11-18'), '特別納品', SAMPLE, '基幹システム更新', requester, BACKGROUND, '特急便での納品', null, cost, null];
  return {
    name: '特別対応申請',
    rows: [
      [...HEADERS],
      // By email: the approver carol.
      row(APPROVER, 10_000),
      // By email, with a name in front: the approver ken.
      row(`山本 健 <${APPROVER_2.toUpperCase()}>`, 11_000),
      // By a name that is carol's local part.
      row('Carol', 12_000),
      // By a name no sign-in can be tied to.
      row('佐藤 花子', 13_000),
    ],
  };
}

describeIfPostgres('sheet-typed requests and their requester', () => {
  let h: ServiceHarness;
  let api: ReturnType<typeof requestsApi>;
  const idOf = async (requesterCell: string): Promise<string> =>
    (await h.service.db.selectFrom('requests').select('id').where('spreadsheet_id', '=', SHEET).where('requester', '=', requesterCell).executeTakeFirstOrThrow()).id;
  const errorOf = async (res: Response): Promise<ErrorJson['error']> => ((await res.json()) as ErrorJson).error;

  beforeAll(async () => {
    h = await startServiceHarness({ label: 'sheet_requester', google: true, clock: () => NOW });
    api = requestsApi(h, SHEET);
    const deals = dealsGrid();
    (h.standIn as SheetsStandIn).createSpreadsheet({ spreadsheetId: SHEET, title: 'requester', timeZone: 'Asia/Tokyo', sheets: [{ title: deals.name, rows: deals.rows, valueInputOption: 'RAW' }], sharedWith: [ADMIN] });
    expect((await h.call('POST', `/v1/spreadsheets/${SHEET}/sync`, { as: ADMIN, body: pushBody('requester', 'Asia/Tokyo', [deals, requestsGrid()]) })).status).toBe(200);
    for (const [email, roles] of Object.entries(PEOPLE)) {
      for (const role of roles) expect((await h.call('PUT', `/v1/spreadsheets/${SHEET}/members/${email}/roles/${role}`, { as: ADMIN })).status).toBe(200);
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lets only the person a row names by email submit it (403 for anyone else), who then cannot decide it', async () => {
    const id = await idOf(APPROVER);
    const byOther = await api.act(REP, id, { action: 'submit' });
    expect(byOther.status).toBe(403);
    expect(await errorOf(byOther)).toEqual({ code: 'forbidden', message: `申請タブの申請者欄は${APPROVER}です。この申請を提出できるのは申請者本人だけです` });
    const unfiled = (await (await api.get(REP, id)).json()) as RequestJson;
    expect(unfiled.allowedActions).toEqual([]);
    expect(unfiled.request).toMatchObject({ state: null, requesterEmail: null });

    const filed = await api.acted(APPROVER, id, { action: 'submit' });
    expect(filed.request).toMatchObject({ state: 'submitted', requesterEmail: APPROVER });
    const own = await api.act(APPROVER, id, { action: 'approve' });
    expect(own.status).toBe(403);
    expect((await errorOf(own)).message).toMatch(/申請タブの申請者欄\(carol@example\.co\.jp\)があなたを指しています/);
    expect((await api.acted(APPROVER_2, id, { action: 'approve' })).request.state).toBe('approved');
  });

  it('finds the address in a cell that also holds a name, and says so in English when asked', async () => {
    const id = await idOf(`山本 健 <${APPROVER_2.toUpperCase()}>`);
    const res = await h.call('POST', `/v1/spreadsheets/${SHEET}/requests/${id}/actions`, { as: REP, headers: { 'accept-language': 'en' }, body: { action: 'submit' } });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toBe(`the requests tab names ${APPROVER_2} as the requester: only they may submit this request`);
    expect((await api.acted(APPROVER_2, id, { action: 'submit' })).request.requesterEmail).toBe(APPROVER_2);
  });

  it('keeps the person a row names by their email\'s local part from deciding it, though someone else submitted it', async () => {
    const id = await idOf('Carol');
    const filed = await api.acted(REP, id, { action: 'submit' });
    expect(filed.request).toMatchObject({ state: 'submitted', requesterEmail: REP });
    for (const action of ['approve', 'reject', 'return']) {
      const res = await api.act(APPROVER, id, { action, comment: '本人の申請' });
      expect(res.status, action).toBe(403);
      expect((await errorOf(res)).message).toMatch(/自分の申請は承認・却下・差戻しできません/);
    }
    const view = (await (await api.get(APPROVER, id)).json()) as RequestJson;
    expect(view.allowedActions).toEqual([]);
    expect(view.request).toMatchObject({ state: 'submitted', version: 1 });
    // Not in carol's inbox of requests awaiting her; in ken's.
    const inbox = async (as: string) => ((await (await api.list(as, '?awaitingMe=true')).json()) as { requests: { id: string }[] }).requests.map((r) => r.id);
    expect(await inbox(APPROVER)).not.toContain(id);
    expect(await inbox(APPROVER_2)).toContain(id);
    expect((await api.acted(APPROVER_2, id, { action: 'approve' })).request.state).toBe('approved');
  });

  it('keeps whoever submitted a row from deciding it, whatever name the row gives', async () => {
    const id = await idOf('佐藤 花子');
    const filed = await api.acted(REP_APPROVER, id, { action: 'submit' });
    expect(filed.request.requesterEmail).toBe(REP_APPROVER);
    const own = await api.act(REP_APPROVER, id, { action: 'approve' });
    expect(own.status).toBe(403);
    expect((await errorOf(own)).message).toMatch(/自分の申請/);
    const view = (await (await api.get(APPROVER, id)).json()) as RequestJson;
    expect(view.allowedActions).toEqual(['approve', 'reject', 'return']);
  });
});

describeIfPostgres('an approver\'s inbox when the newest requests name the approver', () => {
  const sheet = '1SheetRequesterInboxxxxxxxxxxxxxxxxxxxxxxxxx';
  let h: ServiceHarness;
  let api: ReturnType<typeof requestsApi>;
  let now = NOW;
  const deals = dealsGrid();
  const requests: MutableGrid = { name: '特別対応申請', rows: [[...HEADERS]] };
  const typed = (requester: string, on = '2026-11-18') => [serialFromIsoDate(on), '特別納品', SAMPLE, '基幹システム更新', requester, BACKGROUND, '特急便での納品', null, 10_000, null];
  const push = async () => {
    const res = await h.call('POST', `/v1/spreadsheets/${sheet}/sync`, { as: ADMIN, body: pushBody('inbox', 'Asia/Tokyo', [deals, requests]) });
    expect(res.status).toBe(200);
    applyPlanWire([deals, requests], ((await res.json()) as { plan: WritePlanWire }).plan);
  };
  const idOf = async (requesterCell: string): Promise<string> =>
    (await h.service.db.selectFrom('requests').select('id').where('spreadsheet_id', '=', sheet).where('requester', '=', requesterCell).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    h = await startServiceHarness({ label: 'sheet_requester_inbox', google: true, clock: () => now });
    api = requestsApi(h, sheet);
    (h.standIn as SheetsStandIn).createSpreadsheet({ spreadsheetId: sheet, title: 'inbox', timeZone: 'Asia/Tokyo', sheets: [{ title: deals.name, rows: deals.rows, valueInputOption: 'RAW' }], sharedWith: [ADMIN] });
    // An older row by someone else, then, an hour later, the newest rows, which name carol.
    requests.rows.push(typed('佐藤 花子'));
    await push();
    now = new Date(NOW.getTime() + 3_600_000);
    requests.rows.push(typed('Carol'), typed('carol', '2026-11-19'));
    await push();
    for (const [email, roles] of Object.entries(PEOPLE)) {
      for (const role of roles) expect((await h.call('PUT', `/v1/spreadsheets/${sheet}/members/${email}/roles/${role}`, { as: ADMIN })).status).toBe(200);
    }
    for (const cell of ['佐藤 花子', 'Carol', 'carol']) await api.acted(REP, await idOf(cell), { action: 'submit' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('fills the page with the requests they may decide, reading past those they may not', async () => {
    const res = await api.list(APPROVER, '?awaitingMe=true&limit=1');
    expect(res.status).toBe(200);
    const page = (await res.json()) as { requests: { id: string }[]; nextCursor: string | null };
    expect(page.requests.map((r) => r.id)).toEqual([await idOf('佐藤 花子')]);
    expect(page.nextCursor).toBeNull();
    // Ken may decide all three: the same query pages through them one at a time.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const next = (await (await api.list(APPROVER_2, `?awaitingMe=true&limit=1${cursor === null ? '' : `&cursor=${cursor}`}`)).json()) as { requests: { id: string }[]; nextCursor: string | null };
      expect(next.requests).toHaveLength(1);
      seen.push(...next.requests.map((r) => r.id));
      cursor = next.nextCursor;
    } while (cursor !== null);
    expect(seen.sort()).toEqual([await idOf('佐藤 花子'), await idOf('Carol'), await idOf('carol')].sort());
  });
});
