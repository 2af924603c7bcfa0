// A registered spreadsheet with deals (won ones included, with gross margins and the day they were
// won) and people holding each role, on the real service over HTTP, for the request tests.
import { expect } from 'vitest';
import type { Role } from '../../../shared/access/role.ts';
import { serialFromIsoDate } from '../../../shared/calendar/iso-date.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import type { MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import { pushBody } from '../../support/service/apply-plan-wire.ts';
import type { ServiceHarness } from '../../support/service/service-harness.ts';
import type { SheetsStandIn } from '../../support/sheets-api/sheets-stand-in.ts';

export const ADMIN = 'alice@example.co.jp';
export const REP = 'bob@example.co.jp';
export const REP_2 = 'hana@example.co.jp';
export const APPROVER = 'carol@example.co.jp';
export const APPROVER_2 = 'ken@example.co.jp';
export const MANAGER = 'dave@example.co.jp';
export const DIRECTOR = 'erin@example.co.jp';
export const MEMBER = 'gina@example.co.jp';
/** A rep who also approves: may approve others' requests, never their own. */
export const REP_APPROVER = 'ryo@example.co.jp';

export const PEOPLE: Readonly<Record<string, readonly Role[]>> = {
  [REP]: ['member'],
  [REP_2]: ['member'],
  [APPROVER]: ['approver'],
  [APPROVER_2]: ['approver'],
  [MANAGER]: ['manager'],
  [DIRECTOR]: ['director'],
  [MEMBER]: ['member'],
  [REP_APPROVER]: ['member', 'approver'],
};

export const SAMPLE = '株式会社サンプル';
export const TOHO = '東邦物流';

const HEADERS = ['顧客名', '案件名', '担当者', 'ステージ', '金額', '粗利', 'ステージ変更日'];

export interface DealInput {
  readonly account: string;
  readonly title: string;
  readonly stage: string;
  readonly amount: number | null;
  readonly grossMargin: number | null;
  readonly stageChangedOn: string | null;
}

/** The deals every request test starts from (dates relative to 2026-11-20). */
export const DEALS: readonly DealInput[] = [
  { account: SAMPLE, title: '基幹システム更新', stage: '見積提出', amount: 3_000_000, grossMargin: 600_000, stageChangedOn: '2026-10-01' },
  { account: SAMPLE, title: '保守契約A', stage: '受注', amount: 4_000_000, grossMargin: 1_000_000, stageChangedOn: '2026-03-10' },
  { account: SAMPLE, title: '更新B', stage: '受注', amount: 2_000_000, grossMargin: 500_000, stageChangedOn: '2025-12-01' },
  // Won before the 12 months: outside the window.
  { account: SAMPLE, title: '旧案件C', stage: '受注', amount: 9_000_000, grossMargin: 2_000_000, stageChangedOn: '2025-11-15' },
  { account: SAMPLE, title: '失注D', stage: '失注', amount: 5_000_000, grossMargin: 1_000_000, stageChangedOn: '2026-05-01' },
  { account: TOHO, title: '倉庫管理 PoC', stage: '提案', amount: 800_000, grossMargin: null, stageChangedOn: '2026-11-18' },
  { account: TOHO, title: '物流基盤', stage: '受注', amount: 10_000_000, grossMargin: 3_000_000, stageChangedOn: '2026-04-01' },
  // Two deals with one title: naming it needs the account.
  { account: SAMPLE, title: '追加開発', stage: '提案', amount: 500_000, grossMargin: 100_000, stageChangedOn: '2026-11-01' },
  { account: TOHO, title: '追加開発', stage: '提案', amount: 700_000, grossMargin: 200_000, stageChangedOn: '2026-11-01' },
];

export function dealsGrid(deals: readonly DealInput[] = DEALS): MutableGrid {
  const rows: CellValue[][] = deals.map((d) => [d.account, d.title, '佐藤', d.stage, d.amount, d.grossMargin, d.stageChangedOn === null ? null : serialFromIsoDate(d.stageChangedOn)]);
  return { name: '案件一覧', rows: [['2026年度 案件管理'], [], [...HEADERS], ...rows] };
}

/** Registers a spreadsheet (ADMIN's first sync) and grants every role in PEOPLE. */
export async function registerSheet(h: ServiceHarness, spreadsheetId: string, deals: readonly DealInput[] = DEALS): Promise<void> {
  const grid = dealsGrid(deals);
  (h.standIn as SheetsStandIn).createSpreadsheet({ spreadsheetId, title: 'requests', timeZone: 'Asia/Tokyo', sheets: [{ title: grid.name, rows: grid.rows, valueInputOption: 'RAW' }], sharedWith: [ADMIN] });
  const synced = await h.call('POST', `/v1/spreadsheets/${spreadsheetId}/sync`, { as: ADMIN, body: pushBody('requests', 'Asia/Tokyo', [grid]) });
  expect(synced.status).toBe(200);
  for (const [email, roles] of Object.entries(PEOPLE)) {
    for (const role of roles) {
      const granted = await h.call('PUT', `/v1/spreadsheets/${spreadsheetId}/members/${email}/roles/${role}`, { as: ADMIN });
      expect(granted.status).toBe(200);
    }
  }
}

export const BACKGROUND = '先方の物流拠点が来月移転するため、納品先と納品条件を契約上も変更したいとのこと。移転日は先方の都合で動かせない。';

/** A cost input totalling exactly `yen`, as one direct cost. */
export function lumpSum(yen: number) {
  return { directCosts: [{ label: '外注費', amount: yen }] };
}

export interface RequestJson {
  request: { id: string; state: string | null; version: number; route: Role[] | null; step: number | null; awaitingRole: Role | null; costTotal: number | null; requesterEmail: string | null; decidedBy: string | null; decisionComment: string | null; account: string | null; dealId: string | null; dealTitle: string | null; typeLabel: string | null; stateLabel: string | null; sheetStatus: string | null; background: string | null };
  cost: { total: number | null; lines: { kind: string; label: string; detail: string; amount: number }[] };
  route: { role: Role; status: string; by: string | null; comment: string | null }[];
  deal: { id: string; title: string | null; stage: string | null; amount: number | null; grossMargin: number | null } | null;
  account: {
    name: string;
    from: string;
    to: string;
    requests: { id: string; costTotal: number | null; state: string | null; sheetStatus: string | null; decidedBy: string | null }[];
    wonDeals: { title: string | null; wonOn: string | null; amount: number | null }[];
    winWin: { specialCost: number; pendingCost: number; wonRevenue: number; ratio: number | null; projectedRatio: number | null; overShare: boolean; overShareIfApproved: boolean; requestCount: number; approvedCount: number; pendingCount: number; wonDealCount: number; wonGrossMargin: number | null; from: string; to: string };
  } | null;
  flags: { code: string; label: string; reason: string }[];
  allowedActions: string[];
}

export interface ErrorJson {
  error: { code: string; message: string };
}

const DECISIONS = ['approve', 'reject', 'return'];

/** Calls for one spreadsheet's requests. */
export function requestsApi(h: ServiceHarness, spreadsheetId: string) {
  const base = `/v1/spreadsheets/${spreadsheetId}`;
  // A decision names the version decided, as the sidebar sends the one it shows: read it first
  // unless the test gives one (a request that is not there gets 0, for its 404).
  const withVersion = async (as: string, id: string, body: Record<string, unknown>): Promise<Record<string, unknown>> => {
    if (!DECISIONS.includes(String(body.action)) || 'expectedVersion' in body) return body;
    const res = await h.call('GET', `${base}/requests/${id}`, { as });
    const version = res.status === 200 ? ((await res.json()) as RequestJson).request.version : 0;
    return { ...body, expectedVersion: version };
  };
  return {
    file: (as: string, body: Record<string, unknown>) => h.call('POST', `${base}/requests`, { as, body }),
    get: (as: string, id: string, headers?: Record<string, string>) => h.call('GET', `${base}/requests/${id}`, { as, ...(headers === undefined ? {} : { headers }) }),
    act: async (as: string, id: string, body: Record<string, unknown>) => h.call('POST', `${base}/requests/${id}/actions`, { as, body: await withVersion(as, id, body) }),
    /** Acts with exactly this body: no version filled in. */
    actAsIs: (as: string, id: string, body: Record<string, unknown>) => h.call('POST', `${base}/requests/${id}/actions`, { as, body }),
    events: (as: string, id: string) => h.call('GET', `${base}/requests/${id}/events`, { as }),
    list: (as: string, query = '') => h.call('GET', `${base}/requests${query}`, { as }),
    /** Files a request and answers its JSON, failing the test on anything but 201. */
    async filed(as: string, body: Record<string, unknown>): Promise<RequestJson> {
      const res = await h.call('POST', `${base}/requests`, { as, body: { type: 'special_delivery', background: BACKGROUND, description: '納品先の変更と特急便での納品', dealTitle: '基幹システム更新', ...body } });
      const json = (await res.json()) as RequestJson | ErrorJson;
      if (res.status !== 201) throw new Error(`filing answered ${res.status}: ${JSON.stringify(json)}`);
      return json as RequestJson;
    },
    /** Acts and answers the request after it, failing the test on anything but 200. */
    async acted(as: string, id: string, body: Record<string, unknown>): Promise<RequestJson> {
      const res = await h.call('POST', `${base}/requests/${id}/actions`, { as, body: await withVersion(as, id, body) });
      const json = (await res.json()) as RequestJson | ErrorJson;
      if (res.status !== 200) throw new Error(`${String(body.action)} by ${as} answered ${res.status}: ${JSON.stringify(json)}`);
      return json as RequestJson;
    },
  };
}
