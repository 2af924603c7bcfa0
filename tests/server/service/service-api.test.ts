// The service end to end over HTTP on a real Postgres: sign-in on every route, spreadsheets as
// tenants, and the add-on's push sync round trip.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialFromIsoDate } from '../../../shared/calendar/iso-date.ts';
import { FLAG_MESSAGES } from '../../../shared/flags/flag-messages.ts';
import type { WritePlanWire } from '../../../server/push-sync/plan-wire.ts';
import type { MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import { applyPlanWire, pushBody } from '../../support/service/apply-plan-wire.ts';
import { GOOGLE_ISSUER, TEST_CLIENT_ID } from '../../support/service/google-identity.ts';
import type { SheetsStandIn } from '../../support/sheets-api/sheets-stand-in.ts';
import { SERVICE_ACCOUNT, startServiceHarness, type ServiceHarness } from '../../support/service/service-harness.ts';
import { cellOf, dealGrid, DEAL_HEADERS, serial, serviceHeaderOf, visitGrid } from '../sync/test-sheet.ts';

const SHEET_A = '1AaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaAA';
const SHEET_B = '1BbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbBB';
const SHEET_C = '1CccccccccccccccccccccccccccccccccccccccccCC';
const SHEET_D = '1DddddddddddddddddddddddddddddddddddddddddDD';
const SHEET_E = '1EeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeEE';
const SHEET_F = '1FfffffffffffffffffffffffffffffffffffffffffFF';
const ALICE = 'alice@example.co.jp';
const BOB = 'bob@example.co.jp';
const CAROL = 'carol@example.co.jp';
const DAVE = 'dave@example.co.jp';
const ERIN = 'erin@example.co.jp';
// 2026-11-20 09:00 in Tokyo.
const NOW = new Date('2026-11-20T00:00:00Z');

interface PushAnswer {
  runId: string | null;
  asOf: string;
  plan: WritePlanWire;
  summary: { tabs: { sheet: string; inserted: number; unchanged: number }[]; cellsWritten: number; issueCount: number; issues: { sheet: string; row: number; column: string }[] };
}

function deals(): MutableGrid {
  return dealGrid([
    { title: '基幹システム更新', account: '株式会社サンプル', stage: '見積提出', owner: '佐藤', stageChangedOn: serial('2026-10-01') },
    { title: '倉庫管理 PoC', account: '東邦物流', stage: '提案', owner: '田中', stageChangedOn: serial('2026-11-18') },
    { title: '保守契約 更新', account: '北海電機', stage: 'クロージング', owner: '佐藤', stageChangedOn: '2026/11/19', amount: '¥1,2O0,000' },
  ]);
}

function visits(): MutableGrid {
  return visitGrid([{ visitedOn: serial('2026-11-18'), account: '東邦物流', dealTitle: '倉庫管理 PoC', ball: '自社' }]);
}

describeIfPostgres('the sync service over HTTP', () => {
  let h: ServiceHarness;
  let clock = NOW;

  beforeAll(async () => {
    h = await startServiceHarness({ label: 'service_api', clock: () => clock, google: true });
    // The Google spreadsheets behind the ids: whoever a sheet is shared with can register it.
    // Sheet A is also shared with the service account, so the recompute route can reach it.
    const standIn = h.standIn as SheetsStandIn;
    const sheet = (spreadsheetId: string, title: string, sharedWith: string[]) =>
      standIn.createSpreadsheet({ spreadsheetId, title, timeZone: 'Asia/Tokyo', sheets: [{ title: '案件一覧', rows: deals().rows, valueInputOption: 'RAW' }], sharedWith });
    sheet(SHEET_A, 'A 営業', [ALICE, CAROL, SERVICE_ACCOUNT]);
    sheet(SHEET_B, 'B 営業', [BOB, ALICE]);
    for (const id of [SHEET_C, SHEET_D, SHEET_E]) sheet(id, 'C', [ALICE]);
    sheet(SHEET_F, 'F', [ALICE, BOB, CAROL, DAVE, ERIN]);
    // Alice registers sheet A by syncing it first, Bob sheet B.
    expect((await h.call('POST', `/v1/spreadsheets/${SHEET_A}/sync`, { as: ALICE, body: pushBody('A 営業', 'Asia/Tokyo', [deals()]) })).status).toBe(200);
    expect((await h.call('POST', `/v1/spreadsheets/${SHEET_B}/sync`, { as: BOB, body: pushBody('B 営業', 'Asia/Tokyo', [deals()]) })).status).toBe(200);
  });

  afterAll(async () => {
    await h?.close();
  });

  describe('sign-in on every route', () => {
    type Operation = { method: string; path: string; public: boolean };
    let operations: Operation[] = [];

    beforeAll(async () => {
      const doc = (await (await h.call('GET', '/openapi.json')).json()) as { paths: Record<string, Record<string, { security?: unknown[] }>> };
      operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({
          method: method.toUpperCase(),
          path: path.replace('{spreadsheetId}', SHEET_A).replace('{email}', encodeURIComponent(CAROL)).replace('{role}', 'member'),
          public: Array.isArray(op.security) && op.security.length === 0,
        })),
      );
      expect(operations.filter((o) => !o.public).length).toBeGreaterThanOrEqual(7);
    });

    const badTokens: [string, (h: ServiceHarness) => Promise<Record<string, string>>, RegExp][] = [
      ['missing', async () => ({}), /missing Authorization/],
      ['not a bearer token', async () => ({ authorization: 'Basic YWxpY2U6c2VjcmV0' }), /not a Bearer token/],
      ['malformed', async () => ({ authorization: 'Bearer not.a.jwt' }), /malformed/],
      ['expired', async (x) => ({ authorization: `Bearer ${await x.identity.token(ALICE, { issuedAgo: 7200, expiresIn: -3600 })}` }), /expired/],
      ['for another audience', async (x) => ({ authorization: `Bearer ${await x.identity.token(ALICE, { aud: 'someone-else.apps.googleusercontent.com' })}` }), /audience/],
      ['from another issuer', async (x) => ({ authorization: `Bearer ${await x.identity.token(ALICE, { iss: 'https://evil.example.com' })}` }), /issuer/],
      ['with an unverified email', async (x) => ({ authorization: `Bearer ${await x.identity.token(ALICE, { email_verified: false })}` }), /not verified/],
      ['without an email', async (x) => ({ authorization: `Bearer ${await x.identity.token(ALICE, { email: null })}` }), /no email/],
      ['signed by an unknown key', async (x) => ({ authorization: `Bearer ${await x.identity.tokenFromUnknownKey(ALICE)}` }), /signature|unknown key/],
    ];

    it.each(badTokens)('refuses every /v1 route with 401 when the token is %s', async (_name, headers, message) => {
      const h2 = h;
      const hdrs = await headers(h2);
      for (const op of operations.filter((o) => !o.public)) {
        const res = await fetch(`${h2.url}${op.path}`, { method: op.method, headers: { ...hdrs, 'content-type': 'application/json' }, body: op.method === 'GET' ? null : '{}' });
        expect(res.status, `${op.method} ${op.path}`).toBe(401);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('unauthenticated');
        expect(body.error.message).toMatch(message);
      }
    });

    it('serves every /v1 route to a valid token (never 401)', async () => {
      for (const op of operations.filter((o) => !o.public)) {
        const res = await h.call(op.method, op.path, { as: ALICE, ...(op.method === 'POST' ? { body: pushBody('A 営業', 'Asia/Tokyo', [deals()]) } : {}) });
        expect(res.status, `${op.method} ${op.path}`).not.toBe(401);
        expect(res.status, `${op.method} ${op.path}`).toBeLessThan(500);
      }
    });

    it('accepts a token within the clock skew and from the short issuer form', async () => {
      const skewed = await h.identity.token(ALICE, { expiresIn: -30 });
      expect((await h.call('GET', '/v1/me', { token: skewed })).status).toBe(200);
      const short = await h.identity.token(ALICE, { iss: 'accounts.google.com' });
      expect((await h.call('GET', '/v1/me', { token: short })).status).toBe(200);
      expect(GOOGLE_ISSUER).toBe('https://accounts.google.com');
      expect(TEST_CLIENT_ID).toContain('apps.googleusercontent.com');
    });

    it('keeps the health and document routes public', async () => {
      for (const op of operations.filter((o) => o.public)) expect((await h.call(op.method, op.path)).status).toBe(200);
    });
  });

  describe('spreadsheets as tenants', () => {
    it('makes the first syncing user the admin and lists only their own spreadsheets', async () => {
      const me = (await (await h.call('GET', '/v1/me', { as: ALICE })).json()) as { email: string; spreadsheets: { id: string; roles: string[] }[] };
      expect(me.email).toBe(ALICE);
      expect(me.spreadsheets).toEqual([expect.objectContaining({ id: SHEET_A, roles: ['admin'] })]);
    });

    it('answers 403 for everything about a spreadsheet the caller holds no role on', async () => {
      const paths: [string, string, unknown?][] = [
        ['GET', `/v1/spreadsheets/${SHEET_B}`],
        ['POST', `/v1/spreadsheets/${SHEET_B}/sync`, pushBody('B', 'Asia/Tokyo', [deals()])],
        ['GET', `/v1/spreadsheets/${SHEET_B}/members`],
        ['PUT', `/v1/spreadsheets/${SHEET_B}/members/${ALICE}/roles/admin`],
        ['DELETE', `/v1/spreadsheets/${SHEET_B}/members/${BOB}/roles/admin`],
      ];
      for (const [method, path, body] of paths) {
        const res = await h.call(method, path, { as: ALICE, ...(body === undefined ? {} : { body }) });
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
      }
      // Bob's sheet is untouched and still his alone.
      const members = (await (await h.call('GET', `/v1/spreadsheets/${SHEET_B}/members`, { as: BOB })).json()) as { members: { email: string }[] };
      expect(members.members.map((m) => m.email)).toEqual([BOB]);
    });

    it('answers 403 on every spreadsheet route in the document for a caller without a role there', async () => {
      const doc = (await (await h.call('GET', '/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
      const routes = Object.entries(doc.paths)
        .filter(([path]) => path.includes('{spreadsheetId}'))
        .flatMap(([path, methods]) => Object.keys(methods).map((m) => [m.toUpperCase(), path.replace('{spreadsheetId}', SHEET_B).replace('{email}', ALICE).replace('{role}', 'admin')] as const));
      expect(routes.map(([, p]) => p)).toContain(`/v1/spreadsheets/${SHEET_B}/recompute`);
      for (const [method, path] of routes) {
        const res = await h.call(method, path, { as: CAROL, ...(method === 'POST' ? { body: pushBody('B', 'Asia/Tokyo', [deals()]) } : {}) });
        expect(res.status, `${method} ${path}`).toBe(403);
      }
    });

    it('registers a spreadsheet only to a first caller who can open it in Google, and only once the sync is well formed', async () => {
      const id = '1GgggggggggggggggggggggggggggggggggggggggggGG';
      (h.standIn as SheetsStandIn).createSpreadsheet({ spreadsheetId: id, title: 'G', sheets: [{ title: '案件一覧', rows: deals().rows, valueInputOption: 'RAW' }], sharedWith: [BOB] });
      const body = pushBody('G', 'Asia/Tokyo', [deals()]);
      // Carol cannot open the sheet: her access token does not get her in.
      const stranger = await h.call('POST', `/v1/spreadsheets/${id}/sync`, { as: CAROL, body });
      expect(stranger.status).toBe(403);
      expect(((await stranger.json()) as { error: { message: string } }).error.message).toMatch(/cannot open this spreadsheet/);
      // Without the proof at all.
      const unproven = await fetch(`${h.url}/v1/spreadsheets/${id}/sync`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await h.identity.token(BOB)}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(unproven.status).toBe(403);
      // A malformed first sync registers nothing either.
      expect((await h.call('POST', `/v1/spreadsheets/${id}/sync`, { as: BOB, body: {} })).status).toBe(400);
      const none = await h.service.db.selectFrom('spreadsheet_members').selectAll().where('spreadsheet_id', '=', id).execute();
      expect(none).toEqual([]);
      expect(await h.service.db.selectFrom('spreadsheets').select('id').where('id', '=', id).execute()).toEqual([]);
      // Bob can open it: he becomes its admin, with Google's title for it.
      expect((await h.call('POST', `/v1/spreadsheets/${id}/sync`, { as: BOB, body })).status).toBe(200);
      const me = (await (await h.call('GET', '/v1/me', { as: BOB })).json()) as { spreadsheets: { id: string; roles: string[] }[] };
      expect(me.spreadsheets).toContainEqual(expect.objectContaining({ id, roles: ['admin'] }));
    });

    it('makes exactly one of several simultaneous first callers the admin', async () => {
      const people = [ALICE, BOB, CAROL, DAVE, ERIN];
      const answers = await Promise.all(people.map((as) => h.call('POST', `/v1/spreadsheets/${SHEET_F}/sync`, { as, body: pushBody('F', 'Asia/Tokyo', [deals()]) })));
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((st) => st === 200)).toHaveLength(1);
      expect(statuses.every((st) => st === 200 || st === 403 || st === 409)).toBe(true);
      const admins = await h.service.db.selectFrom('spreadsheet_members').select(['email', 'role']).where('spreadsheet_id', '=', SHEET_F).execute();
      expect(admins).toEqual([{ email: people[statuses.indexOf(200)], role: 'admin' }]);
    });

    it('lets only admins recompute', async () => {
      await h.call('PUT', `/v1/spreadsheets/${SHEET_A}/members/${CAROL}/roles/manager`, { as: ALICE });
      const manager = await h.call('POST', `/v1/spreadsheets/${SHEET_A}/recompute`, { as: CAROL });
      expect(manager.status).toBe(403);
      const admin = await h.call('POST', `/v1/spreadsheets/${SHEET_A}/recompute`, { as: ALICE });
      expect(admin.status).toBe(200);
      await h.call('DELETE', `/v1/spreadsheets/${SHEET_A}/members/${CAROL}/roles/manager`, { as: ALICE });
    });

    it('never lets two admins remove each other at once', async () => {
      await h.call('PUT', `/v1/spreadsheets/${SHEET_A}/members/${DAVE}/roles/admin`, { as: ALICE });
      const [a, b] = await Promise.all([
        h.call('DELETE', `/v1/spreadsheets/${SHEET_A}/members/${DAVE}/roles/admin`, { as: ALICE }),
        h.call('DELETE', `/v1/spreadsheets/${SHEET_A}/members/${ALICE}/roles/admin`, { as: DAVE }),
      ]);
      // Exactly one wins. The loser gets 409 when both passed the role check before either
      // committed, or 403 when the winner had already committed (the loser is no admin by then).
      const [won, lost] = [a.status, b.status].sort();
      expect(won).toBe(200);
      expect([403, 409]).toContain(lost);
      const admins = await h.service.db.selectFrom('spreadsheet_members').select('email').where('spreadsheet_id', '=', SHEET_A).where('role', '=', 'admin').execute();
      expect(admins).toHaveLength(1);
      // Put Alice back as the only admin for the tests that follow.
      if (admins[0]?.email !== ALICE) {
        await h.call('PUT', `/v1/spreadsheets/${SHEET_A}/members/${ALICE}/roles/admin`, { as: DAVE });
        await h.call('DELETE', `/v1/spreadsheets/${SHEET_A}/members/${DAVE}/roles/admin`, { as: ALICE });
      }
    });

    it('answers an unknown spreadsheet the same 403 as a foreign one, so ids cannot be probed', async () => {
      const res = await h.call('GET', '/v1/spreadsheets/1ZzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzZZ', { as: ALICE });
      expect(res.status).toBe(403);
    });

    it('lets an admin grant and revoke roles, and a member only what members may', async () => {
      expect((await h.call('GET', `/v1/spreadsheets/${SHEET_A}`, { as: CAROL })).status).toBe(403);
      const granted = await h.call('PUT', `/v1/spreadsheets/${SHEET_A}/members/${encodeURIComponent('Carol@Example.co.jp')}/roles/member`, { as: ALICE });
      expect(granted.status).toBe(200);
      expect(await granted.json()).toEqual({ email: CAROL, role: 'member', changed: true });
      const again = await h.call('PUT', `/v1/spreadsheets/${SHEET_A}/members/${CAROL}/roles/member`, { as: ALICE });
      expect(((await again.json()) as { changed: boolean }).changed).toBe(false);

      const sheet = (await (await h.call('GET', `/v1/spreadsheets/${SHEET_A}`, { as: CAROL })).json()) as { roles: string[]; mappedTabs: string[]; title: string };
      expect(sheet.roles).toEqual(['member']);
      expect(sheet.title).toBe('A 営業');
      expect(sheet.mappedTabs).toEqual(['案件一覧']);
      expect((await h.call('POST', `/v1/spreadsheets/${SHEET_A}/sync`, { as: CAROL, body: pushBody('A 営業', 'Asia/Tokyo', [deals()]) })).status).toBe(200);
      expect((await h.call('GET', `/v1/spreadsheets/${SHEET_A}/members`, { as: CAROL })).status).toBe(403);
      expect((await h.call('PUT', `/v1/spreadsheets/${SHEET_A}/members/${CAROL}/roles/admin`, { as: CAROL })).status).toBe(403);

      const revoked = await h.call('DELETE', `/v1/spreadsheets/${SHEET_A}/members/${CAROL}/roles/member`, { as: ALICE });
      expect(await revoked.json()).toEqual({ email: CAROL, role: 'member', changed: true });
      expect((await h.call('GET', `/v1/spreadsheets/${SHEET_A}`, { as: CAROL })).status).toBe(403);
    });

    it('refuses to remove the last admin', async () => {
      const res = await h.call('DELETE', `/v1/spreadsheets/${SHEET_A}/members/${ALICE}/roles/admin`, { as: ALICE });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('conflict');
    });

    it('rejects an unknown role and a malformed email with 400', async () => {
      expect((await h.call('PUT', `/v1/spreadsheets/${SHEET_A}/members/${CAROL}/roles/owner`, { as: ALICE })).status).toBe(400);
      expect((await h.call('PUT', `/v1/spreadsheets/${SHEET_A}/members/not-an-email/roles/member`, { as: ALICE })).status).toBe(400);
    });
  });

  describe('push sync, the add-on\'s path', () => {
    it('returns a plan that, applied, makes the next push write nothing', async () => {
      const grids = [deals(), visits()];
      const first = await h.call('POST', `/v1/spreadsheets/${SHEET_C}/sync`, { as: ALICE, body: pushBody('C 営業', 'Asia/Tokyo', grids) });
      expect(first.status).toBe(200);
      const answer = (await first.json()) as PushAnswer;
      expect(answer.asOf).toBe('2026-11-20');
      expect(answer.summary.tabs.map((t) => [t.sheet, t.inserted])).toEqual([
        ['案件一覧', 3],
        ['訪問記録', 1],
      ]);
      // The malformed amount is reported with its sheet, row and column, and the row is kept.
      expect(answer.summary.issues).toEqual([expect.objectContaining({ sheet: '案件一覧', row: 6, column: 'D' })]);
      const written = applyPlanWire(grids, answer.plan);
      expect(written).toBeGreaterThan(0);
      const deal = grids[0] as MutableGrid;
      expect(String(cellOf(deal, '基幹システム更新', serviceHeaderOf('flags')))).toContain(FLAG_MESSAGES.stale.label.ja);
      expect(cellOf(deal, '倉庫管理 PoC', DEAL_HEADERS.stage)).toBe('提案');

      const second = (await (await h.call('POST', `/v1/spreadsheets/${SHEET_C}/sync`, { as: ALICE, body: pushBody('C 営業', 'Asia/Tokyo', grids) })).json()) as PushAnswer;
      expect(second.summary.cellsWritten).toBe(0);
      expect(second.plan.tabs.every((t) => t.runs.length === 0 && t.newColumns.length === 0 && t.setup.length === 0)).toBe(true);
      expect(second.summary.tabs[0]?.unchanged).toBe(3);
    });

    it('reads dates sent as ISO instants in the spreadsheet\'s time zone', async () => {
      const sheet = SHEET_D;
      // A Date for 2026-10-01 in Tokyo, serialised by JSON.
      const grid = dealGrid([{ title: '帳票刷新', account: '南北商事', stage: '見積提出', stageChangedOn: '2026-09-30T15:00:00.000Z' }]);
      const answer = (await (await h.call('POST', `/v1/spreadsheets/${sheet}/sync`, { as: ALICE, body: pushBody('D', 'Asia/Tokyo', [grid]) })).json()) as PushAnswer;
      applyPlanWire([grid], answer.plan);
      expect(cellOf(grid, '帳票刷新', serviceHeaderOf('stageEnteredOn'))).toBe(serialFromIsoDate('2026-10-01'));
      expect(cellOf(grid, '帳票刷新', serviceHeaderOf('daysInStage'))).toBe(50);
    });

    it('computes the business date in the spreadsheet\'s time zone', async () => {
      const sheet = SHEET_E;
      clock = new Date('2026-11-20T20:00:00Z');
      try {
        const tokyo = (await (await h.call('POST', `/v1/spreadsheets/${sheet}/sync`, { as: ALICE, body: pushBody('E', 'Asia/Tokyo', [deals()], { dryRun: true }) })).json()) as PushAnswer;
        expect(tokyo.asOf).toBe('2026-11-21');
        expect(tokyo.runId).toBeNull();
        const ny = (await (await h.call('POST', `/v1/spreadsheets/${sheet}/sync`, { as: ALICE, body: pushBody('E', 'America/New_York', [deals()], { dryRun: true }) })).json()) as PushAnswer;
        expect(ny.asOf).toBe('2026-11-20');
      } finally {
        clock = NOW;
      }
    });

    it('takes a gzip-compressed body', async () => {
      const body = gzipSync(JSON.stringify(pushBody('A 営業', 'Asia/Tokyo', [deals()])));
      const res = await fetch(`${h.url}/v1/spreadsheets/${SHEET_A}/sync`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await h.identity.token(ALICE)}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body,
      });
      expect(res.status).toBe(200);
    });

    it.each([
      ['a body that is not JSON', '{"title":', /not valid JSON/],
      ['a missing time zone', { title: 'x', tabs: [{ name: 'a', values: [] }] }, /timeZone/],
      ['a cell that is an object', { title: 'x', timeZone: 'Asia/Tokyo', tabs: [{ name: '案件', values: [['a'], ['b', { v: 1 }]] }] }, /tabs\[0\]\.values\[1\]\[1\] \(sheet "案件" row 2 column B\)/],
      ['no tabs', { title: 'x', timeZone: 'Asia/Tokyo', tabs: [] }, /tabs/],
    ])('answers 400 naming what is wrong for %s', async (_name, body, message) => {
      const res = await h.call('POST', `/v1/spreadsheets/${SHEET_A}/sync`, { as: ALICE, body });
      expect(res.status).toBe(400);
      const error = ((await res.json()) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('invalid_request');
      expect(error.message).toMatch(message);
    });

    it('answers 415 for a body that is not JSON-typed and 422 for a sheet without a deals tab', async () => {
      const text = await h.call('POST', `/v1/spreadsheets/${SHEET_A}/sync`, { as: ALICE, body: 'title=x', headers: { 'content-type': 'text/plain' } });
      expect(text.status).toBe(415);
      const noDeals = await h.call('POST', `/v1/spreadsheets/${SHEET_A}/sync`, { as: ALICE, body: { title: 'x', timeZone: 'Asia/Tokyo', tabs: [{ name: 'メモ', values: [['hello']] }] } });
      expect(noDeals.status).toBe(422);
      expect(((await noDeals.json()) as { error: { code: string } }).error.code).toBe('sync_failed');
    });

    it('answers unknown routes with the error shape and echoes the request id', async () => {
      const res = await h.call('GET', '/v1/nothing-here', { as: ALICE, headers: { 'x-request-id': 'trace-123' } });
      expect(res.status).toBe(404);
      expect(res.headers.get('x-request-id')).toBe('trace-123');
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'no route for GET /v1/nothing-here' } });
    });
  });
});
