import { describe, expect, it } from 'vitest';
import { serialFromIsoDate } from '../../../shared/calendar/iso-date.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { resolveMapping } from '../../../shared/mapping/resolve-mapping.ts';
import type { ResolvedTab } from '../../../shared/mapping/tab-mapping.ts';
import { REQUEST_TYPES, type SpecialRequest } from '../../../shared/records/request.ts';
import type { TabKind } from '../../../shared/records/tab-kind.ts';
import type { Visit } from '../../../shared/records/visit.ts';
import { readTab } from '../../../shared/rows/read-tab.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings/sync-settings.ts';
import { appendedRowHash, ballLabel, requestRowCells, requestTypeLabel, visitRowCells } from '../../../shared/write-plan/appended-row.ts';
import { parseBall } from '../../../shared/cells/parse-ball.ts';
import { parseRequestType } from '../../../shared/cells/parse-request-type.ts';
import type { AppendedCell } from '../../../shared/write-plan/write-plan.ts';

function tabOf<K extends TabKind>(kind: K, rows: CellValue[][]): ResolvedTab<K> {
  const tab = resolveMapping([{ name: kind, rows }], null).tabs.find((t): t is ResolvedTab<K> => t.kind === kind);
  if (tab === undefined) throw new Error(`no ${kind} tab`);
  return tab;
}

/** The grid a sheet holds once the row is appended below its header. */
function withRow(header: CellValue[], cells: readonly AppendedCell[]): CellValue[][] {
  const row: CellValue[] = [];
  for (const c of cells) {
    while (row.length < c.column) row.push(null);
    row[c.column - 1] = c.value;
  }
  return [header, row];
}

const VISIT: Visit = {
  visitedOn: '2026-11-20',
  account: '東邦物流',
  dealTitle: '倉庫管理 PoC',
  owner: '田中',
  met: '鈴木様',
  attendees: '佐藤',
  discussed: 'PoC範囲',
  customerAsked: '=HYPERLINK("x")',
  nextAction: '見積提出',
  nextActionOn: '2026-11-27',
  ballAfter: 'customer',
};

describe('visitRowCells', () => {
  const header = ['メモ', '訪問日', '顧客名', '案件名', '担当者', 'お客様の要望', '次回予定日', 'ボール'];
  const tab = tabOf('visits', [header]);

  it('fills the mapped columns only, dates as serials with a date format, text as given', () => {
    expect(visitRowCells(tab, VISIT)).toEqual([
      { column: 2, value: serialFromIsoDate('2026-11-20'), format: 'date' },
      { column: 3, value: '東邦物流' },
      { column: 4, value: '倉庫管理 PoC' },
      { column: 5, value: '田中' },
      { column: 6, value: '=HYPERLINK("x")' },
      { column: 7, value: serialFromIsoDate('2026-11-27'), format: 'date' },
      { column: 8, value: '顧客' },
    ]);
  });

  it('reads back as the same visit, and hashes as the sync will hash the sheet row', () => {
    const cells = visitRowCells(tab, VISIT);
    const read = readTab(tab, { name: 'visits', rows: withRow(header, cells) }, DEFAULT_SETTINGS);
    expect(read.rows[0]?.record).toMatchObject({ visitedOn: '2026-11-20', account: '東邦物流', dealTitle: '倉庫管理 PoC', owner: '田中', nextActionOn: '2026-11-27', ballAfter: 'customer' });
    expect(read.rows[0]?.issues).toEqual([]);
    expect(appendedRowHash(tab, { id: 'v1', cells }, DEFAULT_SETTINGS)).toBe(read.rows[0]?.hash);
  });

  it('leaves out empty values, so a visit without a ball leaves the ball cell alone', () => {
    const cells = visitRowCells(tab, { ...VISIT, ballAfter: null, owner: '  ' });
    expect(cells.map((c) => c.column)).toEqual([2, 3, 4, 6, 7]);
  });

  it('hashes to null when no mapped column would show anything', () => {
    expect(appendedRowHash(tab, { id: 'v1', cells: [] }, DEFAULT_SETTINGS)).toBeNull();
  });
});

describe('ballLabel', () => {
  it.each([
    ['us', 'ja'],
    ['customer', 'ja'],
    ['us', 'en'],
    ['customer', 'en'],
  ] as const)('writes %s in %s so that it reads back the same', (ball, locale) => {
    expect(parseBall(ballLabel(ball, locale))).toEqual({ ok: true, value: ball });
  });
});

describe('requestRowCells', () => {
  const header = ['申請日', '申請種別', '顧客名', '背景', '依頼内容', '概算コスト', '状態'];
  const tab = tabOf('requests', [header]);
  const request: SpecialRequest = {
    requestedOn: '2026-12-01',
    type: 'discount',
    typeLabel: null,
    account: '東西物産',
    dealTitle: null,
    requester: '鈴木',
    background: '競合が値下げ',
    description: '5%値引き',
    alternative: null,
    estimatedCost: 50_000,
    status: '申請中',
  };

  it('writes the type under its default label when none was chosen, and the cost as a number', () => {
    expect(requestRowCells(tab, request)).toEqual([
      { column: 1, value: serialFromIsoDate('2026-12-01'), format: 'date' },
      { column: 2, value: '値引き' },
      { column: 3, value: '東西物産' },
      { column: 4, value: '競合が値下げ' },
      { column: 5, value: '5%値引き' },
      { column: 6, value: 50_000 },
      { column: 7, value: '申請中' },
    ]);
  });

  it('keeps a label the team configured', () => {
    expect(requestRowCells(tab, { ...request, typeLabel: '特別値引' }).find((c) => c.column === 2)?.value).toBe('特別値引');
  });

  it.each(REQUEST_TYPES.flatMap((t) => [[t, 'ja'] as const, [t, 'en'] as const]))('labels %s in %s so that it reads back the same', (type, locale) => {
    expect(parseRequestType(requestTypeLabel(type, locale))).toEqual({ ok: true, value: type });
  });

  it('reads back as the same request', () => {
    const cells = requestRowCells(tab, request);
    const read = readTab(tab, { name: 'requests', rows: withRow(header, cells) }, DEFAULT_SETTINGS);
    expect(read.rows[0]?.record).toMatchObject({ requestedOn: '2026-12-01', type: 'discount', estimatedCost: 50_000, status: '申請中' });
    expect(appendedRowHash(tab, { id: 'r1', cells }, DEFAULT_SETTINGS)).toBe(read.rows[0]?.hash);
  });
});
