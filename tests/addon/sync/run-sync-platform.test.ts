// runSync and the triggers on the Apps Script fakes with a scripted service: the document lock,
// an unreachable service, the 6-minute budget, the one-trigger-per-type limit, and bursts of
// edits folded into one sync.
import { gunzipSync } from 'node:zlib';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAddonSandbox, type AddonSandbox, type TransportRequest, type TransportResult } from '../../support/apps-script/addon-sandbox.ts';
import { offlineTransport } from '../../support/apps-script/sync-transport.ts';
import { propertyStore } from '../../support/apps-script/properties-service.fake.ts';
import type { RpcResult, SyncOutcome } from '../../../addon/src/rpc/sidebar-rpc.ts';
import type { PushSyncAnswer } from '../../../shared/sync-wire/push-sync-answer.ts';
import { bundleForService } from '../../support/apps-script/bundle-for-service.ts';
import { buildPlatformBundle } from './platform-bundle.ts';

const SHEET = '案件一覧';
const USER = { email: 'alice@example.co.jp', idToken: 'id-token', oauthToken: 'oauth-token' };
const NOW = new Date('2026-11-20T00:00:00Z');
const SPREADSHEET = {
  id: 'sheet-1',
  name: '2026年度 営業案件管理表',
  timeZone: 'Asia/Tokyo',
  sheets: [
    {
      name: SHEET,
      rows: [
        ['案件名', '顧客名', 'ステージ', '担当者', '見積提出日'],
        ['基幹システム更新', '株式会社サンプル', '見積提出', '佐藤', '2026/10/01'],
        ['倉庫管理 PoC', '東邦物流', '提案', '田中', ''],
      ],
    },
  ],
};

function answer(flagRows: readonly (string | null)[] = []): PushSyncAnswer {
  return {
    runId: 'run-1',
    asOf: '2026-11-20',
    dryRun: false,
    locale: 'ja',
    plan: {
      spreadsheetId: 'sheet-1',
      tabs: [
        {
          sheet: SHEET,
          kind: 'deals',
          headerRow: 1,
          lastRow: 3,
          columns: { flags: 6 },
          newColumns: [{ key: 'flags', column: 6, header: 'フラグ [SFA]' }],
          runs: flagRows.length === 0 ? [] : [{ column: 6, startRow: 2, values: [...flagRows] }],
          setup: [],
        },
      ],
    },
    summary: { tabs: [{ kind: 'deals', sheet: SHEET, read: 2, inserted: 2, updated: 0, unchanged: 0, removed: 0, reissued: 0 }], flagCounts: { stale: 1 }, cellsWritten: 3, issueCount: 0, issues: [], mappingProblems: [], settingsProblems: [] },
  };
}

const json = (status: number, body: unknown): TransportResult => ({ kind: 'response', status, headers: [['content-type', 'application/json']], body: new TextEncoder().encode(JSON.stringify(body)) });

describe('runSync on the fakes', () => {
  let bundleDir: string;
  let sandbox: AddonSandbox;
  let requests: TransportRequest[];
  let reply: (request: TransportRequest) => TransportResult;

  const create = (transport = (request: TransportRequest) => {
    requests.push(request);
    return reply(request);
  }) => createAddonSandbox({ bundleDir: bundleForService(bundleDir, 'http://127.0.0.1:9/'), spreadsheet: SPREADSHEET, user: USER, now: NOW, scriptProperties: { SERVICE_URL: 'http://127.0.0.1:9/' }, transport });

  beforeAll(async () => {
    bundleDir = await buildPlatformBundle();
  });

  beforeEach(() => {
    requests = [];
    reply = () => json(200, answer(['停滞', null]));
    sandbox = create();
  });

  it('pushes the tabs with the ID token and the access token, and writes the plan when the service answers', () => {
    const result = sandbox.call<RpcResult<SyncOutcome>>('syncNow', 'menu');
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ rowsRead: 2, inserted: 2, cellsWritten: 3, flaggedDeals: 1, deferred: 0 }) });
    expect(requests).toHaveLength(1);
    const [request] = requests as [TransportRequest];
    expect(request.url).toBe('http://127.0.0.1:9/v1/spreadsheets/sheet-1/sync');
    expect(request.method).toBe('POST');
    expect(request.headers).toMatchObject({ Authorization: 'Bearer id-token', 'X-Sheets-Access-Token': 'oauth-token', 'Accept-Language': 'ja' });
    const body = JSON.parse(new TextDecoder().decode(request.body ?? new Uint8Array())) as { title: string; timeZone: string; tabs: { name: string; values: unknown[][] }[] };
    expect(body.title).toBe('2026年度 営業案件管理表');
    expect(body.timeZone).toBe('Asia/Tokyo');
    // The typed date went out as the serial of 2026-10-01 in Tokyo; trailing empty cells are dropped.
    expect(body.tabs).toEqual([{ name: SHEET, values: [SPREADSHEET.sheets[0]!.rows[0], ['基幹システム更新', '株式会社サンプル', '見積提出', '佐藤', 46296], ['倉庫管理 PoC', '東邦物流', '提案', '田中']] }]);
    expect(sandbox.snapshot().sheets[0]?.values.map((r) => r[5])).toEqual(['フラグ [SFA]', '停滞', '']);
  });

  it('gzips a large push', () => {
    sandbox = create();
    const rows = Array.from({ length: 900 }, (_, i) => [`案件 ${i} 基幹システム更新`, `顧客 ${i} 株式会社サンプル`, '提案', '佐藤', '']);
    sandbox.editCells(SHEET, 4, 1, rows);
    reply = () => json(200, answer());
    expect(sandbox.call<RpcResult<SyncOutcome>>('syncNow', 'menu').ok).toBe(true);
    const request = requests.at(-1) as TransportRequest;
    expect(request.headers['Content-Encoding']).toBe('gzip');
    const body = JSON.parse(new TextDecoder().decode(gunzipSync(request.body ?? new Uint8Array()))) as { tabs: { values: unknown[] }[] };
    expect(body.tabs[0]?.values).toHaveLength(903);
  });

  it('answers busy and sends nothing when another sync holds the document lock', () => {
    sandbox.holdLock('document', true);
    expect(sandbox.call('syncNow', 'menu')).toEqual({ ok: false, error: { code: 'busy', message: expect.stringContaining('別の同期が実行中です') } });
    expect(requests).toEqual([]);
    sandbox.holdLock('document', false);
    expect(sandbox.call<RpcResult<SyncOutcome>>('syncNow', 'menu').ok).toBe(true);
  });

  it('says the service is unreachable and writes nothing when it cannot be reached', () => {
    sandbox = create(offlineTransport);
    const before = sandbox.snapshot();
    expect(sandbox.call('syncNow', 'menu')).toEqual({ ok: false, error: { code: 'unreachable', message: expect.stringContaining('サービスに接続できません') } });
    expect(sandbox.writes()).toEqual([]);
    expect(sandbox.snapshot()).toEqual(before);
  });

  it.each([
    [401, 'unauthenticated'],
    [403, 'forbidden'],
    [503, 'unreachable'],
    [500, 'internal'],
  ] as const)('writes nothing when the service answers %i (%s)', (status, code) => {
    reply = () => json(status, { error: { code: 'x', message: 'refused' } });
    expect(sandbox.call<RpcResult<SyncOutcome>>('syncNow', 'menu')).toEqual({ ok: false, error: expect.objectContaining({ code }) });
    expect(sandbox.writes()).toEqual([]);
  });

  it('shows the service\'s own message when it refuses the push', () => {
    reply = () => json(422, { error: { code: 'sync_failed', message: '案件のタブが見つかりません' } });
    expect(sandbox.call('syncNow', 'menu')).toEqual({ ok: false, error: { code: 'invalid', message: '案件のタブが見つかりません' } });
  });

  it('applies nothing when less than 30 seconds of the execution are left once the service answers', () => {
    reply = () => {
      // The service took 5 minutes 40 seconds.
      sandbox.state.clock.advance(340_000);
      return json(200, answer(['停滞', null]));
    };
    expect(sandbox.call('syncNow', 'menu')).toEqual({ ok: false, error: expect.objectContaining({ code: 'timeout' }) });
    expect(sandbox.writes()).toEqual([]);
  });

  it('syncs once more when the sheet changed while it ran', () => {
    let first = true;
    reply = () => {
      // A change trigger ran meanwhile: it recorded the change and found the lock held.
      if (first) propertyStore(sandbox.state, 'document').set('sheets-sfa.last-change', new Date(NOW.getTime() + 1000).toISOString());
      first = false;
      return json(200, answer(['停滞', null]));
    };
    const result = sandbox.call<RpcResult<SyncOutcome>>('syncNow', 'menu');
    expect(requests).toHaveLength(2);
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ inserted: 4 }) });
  });

  it('syncs again for as long as the sheet keeps changing while it syncs, then stops', () => {
    let pushes = 0;
    reply = () => {
      // Edits land during the first and the second push; the third finds the sheet quiet.
      pushes++;
      if (pushes <= 2) propertyStore(sandbox.state, 'document').set('sheets-sfa.last-change', new Date(NOW.getTime() + pushes * 1000).toISOString());
      return json(200, answer(['停滞', null]));
    };
    const result = sandbox.call<RpcResult<SyncOutcome>>('syncNow', 'menu');
    expect(requests).toHaveLength(3);
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ inserted: 6 }) });
  });

  it('stops syncing again once too little of the execution is left for another sync', () => {
    reply = () => {
      // Every push takes two minutes, and the sheet changes during each.
      sandbox.state.clock.advance(120_000);
      propertyStore(sandbox.state, 'document').set('sheets-sfa.last-change', new Date(sandbox.state.clock.now()).toISOString());
      return json(200, answer(['停滞', null]));
    };
    expect(sandbox.call<RpcResult<SyncOutcome>>('syncNow', 'menu').ok).toBe(true);
    expect(requests).toHaveLength(2);
  });

  it('pushes only the mapped tabs, with the stored mapping, once the sheet is set up', () => {
    const mapping = { tabs: { deals: { sheet: SHEET, headerRow: 1, columns: { title: '案件名' } } }, stageLabels: { 見積提出: 'quote' } };
    sandbox = createAddonSandbox({
      bundleDir,
      spreadsheet: { ...SPREADSHEET, sheets: [...SPREADSHEET.sheets, { name: '訪問記録 (旧)', rows: [['訪問日', '顧客名', '案件名', '面談者'], ['2026/11/01', '東邦物流', '倉庫管理 PoC', '山田']] }] },
      user: USER,
      now: NOW,
      transport: (r) => (requests.push(r), reply(r)),
    });
    sandbox.state.properties.document.set('sheets-sfa.mapping', JSON.stringify(mapping));
    expect(sandbox.call<RpcResult<SyncOutcome>>('syncNow', 'setup').ok).toBe(true);
    const body = JSON.parse(new TextDecoder().decode(requests[0]?.body ?? new Uint8Array())) as { tabs: { name: string }[]; mapping: unknown };
    expect(body.tabs.map((t) => t.name)).toEqual([SHEET]);
    expect(body.mapping).toEqual(mapping);
  });

  it('refuses before sending when no tab holds deals and nothing is set up', () => {
    sandbox = createAddonSandbox({ bundleDir, spreadsheet: { ...SPREADSHEET, sheets: [{ name: 'メモ', rows: [['今週の予定']] }] }, user: USER, now: NOW, transport: (r) => (requests.push(r), reply(r)) });
    expect(sandbox.call('syncNow', 'menu')).toEqual({ ok: false, error: expect.objectContaining({ code: 'not_set_up' }) });
    expect(requests).toEqual([]);
  });
});

describe('the triggers on the fakes', () => {
  let bundleDir: string;
  let sandbox: AddonSandbox;
  let requests: TransportRequest[];

  beforeAll(async () => {
    bundleDir = await buildPlatformBundle();
  });

  beforeEach(() => {
    requests = [];
    sandbox = createAddonSandbox({
      bundleDir,
      spreadsheet: SPREADSHEET,
      user: USER,
      now: NOW,
      transport: (request) => {
        requests.push(request);
        return json(200, answer());
      },
    });
  });

  it('installs the hourly and the change trigger once, however often it is asked', () => {
    const prefs = { locale: null, hourlySync: true, syncOnChange: true };
    sandbox.call('ensureTriggersNow', prefs);
    sandbox.call('ensureTriggersNow', prefs);
    expect(sandbox.triggers().map((t) => [t.handlerFunction, t.eventType, t.everyHours])).toEqual([
      ['onHourlySync', 'CLOCK', 1],
      ['onSheetChange', 'ON_CHANGE', null],
    ]);
    sandbox.call('ensureTriggersNow', { ...prefs, hourlySync: false });
    expect(sandbox.triggers().map((t) => t.handlerFunction)).toEqual(['onSheetChange']);
    sandbox.call('ensureTriggersNow', { ...prefs, syncOnChange: false });
    expect(sandbox.triggers().map((t) => t.handlerFunction)).toEqual(['onHourlySync']);
  });

  it('syncs from the hourly trigger', () => {
    sandbox.call('ensureTriggersNow', { locale: null, hourlySync: true, syncOnChange: false });
    expect(sandbox.runTimeDrivenTriggers()).toBe(1);
    expect(requests).toHaveLength(1);
    expect(sandbox.triggers()[0]?.failures).toEqual([]);
  });

  it('folds a burst of edits into one sync once the sheet has been quiet', () => {
    sandbox.call('ensureTriggersNow', { locale: null, hourlySync: false, syncOnChange: true });
    // Edits while a sync runs (it holds the lock) are only recorded.
    sandbox.holdLock('document', true);
    for (let i = 0; i < 5; i++) sandbox.editCells(SHEET, 3, 4, [[`担当 ${i}`]]);
    expect(requests).toEqual([]);
    expect(sandbox.properties('document')['sheets-sfa.last-change']).toBe(NOW.toISOString());
    sandbox.holdLock('document', false);
    const started = sandbox.state.clock.now();
    sandbox.editCells(SHEET, 3, 4, [['担当 last']]);
    expect(requests).toHaveLength(1);
    // It waited until the sheet had been quiet for 10 seconds before syncing.
    expect(sandbox.state.clock.now() - started).toBeGreaterThanOrEqual(10_000);
    expect(sandbox.triggers().find((t) => t.handlerFunction === 'onSheetChange')?.failures).toEqual([]);
  });
});

describe('the change trigger\'s daily sleep budget on the fakes', () => {
  const SLEEP_KEY = 'sheets-sfa.trigger-sleep';
  const BUDGET_MS = 20 * 60_000;
  let bundleDir: string;
  let sandbox: AddonSandbox;
  let requests: TransportRequest[];

  const sleepRecord = (): unknown => JSON.parse(sandbox.properties('user')[SLEEP_KEY] ?? 'null');
  const setSleepRecord = (record: { day: string; sleptMs: number }): void => {
    propertyStore(sandbox.state, 'user', USER.email).set(SLEEP_KEY, JSON.stringify(record));
  };
  /** One edit as a person types it; how long the clock moved until its sync was sent. */
  const editAndTime = (value: string): number => {
    const started = sandbox.state.clock.now();
    sandbox.editCells(SHEET, 3, 4, [[value]]);
    return sandbox.state.clock.now() - started;
  };

  beforeAll(async () => {
    bundleDir = await buildPlatformBundle();
  });

  beforeEach(() => {
    requests = [];
    sandbox = createAddonSandbox({ bundleDir, spreadsheet: SPREADSHEET, user: USER, now: NOW, transport: (request) => (requests.push(request), json(200, answer())) });
    sandbox.call('ensureTriggersNow', { locale: null, hourlySync: false, syncOnChange: true });
  });

  it('records the sleep each change spends waiting for quiet, per UTC day', () => {
    expect(editAndTime('担当 1')).toBe(10_000);
    expect(sleepRecord()).toEqual({ day: '2026-11-20', sleptMs: 10_000 });
    expect(editAndTime('担当 2')).toBe(10_000);
    expect(sleepRecord()).toEqual({ day: '2026-11-20', sleptMs: 20_000 });
    expect(requests).toHaveLength(2);
  });

  it('sleeps only what is left of the budget, then syncs at once for the rest of the day', () => {
    setSleepRecord({ day: '2026-11-20', sleptMs: BUDGET_MS - 3_000 });
    expect(editAndTime('担当 1')).toBe(3_000);
    expect(sleepRecord()).toEqual({ day: '2026-11-20', sleptMs: BUDGET_MS });
    expect(editAndTime('担当 2')).toBe(0);
    expect(sleepRecord()).toEqual({ day: '2026-11-20', sleptMs: BUDGET_MS });
    // Both changes were synced, without waiting once the budget was spent.
    expect(requests).toHaveLength(2);
    expect(sandbox.triggers().find((t) => t.handlerFunction === 'onSheetChange')?.failures).toEqual([]);
  });

  it('waits again on the next day', () => {
    setSleepRecord({ day: '2026-11-20', sleptMs: BUDGET_MS });
    sandbox.setNow(new Date('2026-11-21T00:00:05Z'));
    expect(editAndTime('担当 1')).toBe(10_000);
    expect(sleepRecord()).toEqual({ day: '2026-11-21', sleptMs: 10_000 });
  });
});
