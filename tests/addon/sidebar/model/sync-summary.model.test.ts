import { describe, expect, it } from 'vitest';
import type { SyncOutcome } from '../../../../addon/src/rpc/sidebar-rpc.ts';
import { issuesHeading, issueWhere, syncSummary } from '../../../../addon/sidebar/model/sync-summary.model.ts';

const outcome: SyncOutcome = {
  rowsRead: 124,
  inserted: 3,
  updated: 9,
  removed: 1,
  cellsWritten: 48,
  flaggedDeals: 7,
  deferred: 0,
  issues: [],
  issueCount: 0,
  durationMs: 2140,
};

describe('syncSummary', () => {
  it('says what the sync did in Japanese', () => {
    expect(syncSummary(outcome, 'ja')).toBe('124行を読み込み、新規3・更新9・削除1、48セルを書き込みました(2.1秒)');
  });

  it('says what the sync did in English', () => {
    expect(syncSummary(outcome, 'en')).toBe('Read 124 rows: 3 new, 9 updated, 1 removed; wrote 48 cells (2.1 s)');
  });
});

describe('issuesHeading', () => {
  const issue = { sheet: '案件一覧', row: 18, column: 'F', message: '金額として読めません: abc' };
  const listing = (shown: number, issueCount: number): SyncOutcome => ({ ...outcome, issues: Array.from({ length: shown }, () => issue), issueCount });

  it.each([
    ['ja', 3, 3, '読み取れなかったセル(3件)'],
    ['en', 3, 3, 'Cells that could not be read (3)'],
    ['ja', 500, 1234, '読み取れなかったセル(1234件中500件)'],
    ['en', 500, 1234, 'Cells that could not be read (500 of 1234)'],
  ] as const)('in %s, with %d of %d cells listed, says %s', (locale, shown, count, expected) => {
    expect(issuesHeading(listing(shown, count), locale)).toBe(expected);
  });
});

describe('issueWhere', () => {
  it('names a column letter as a column', () => {
    expect(issueWhere({ sheet: '案件一覧', row: 18, column: 'F', message: '' }, 'ja')).toBe('案件一覧 18行目 F列');
    expect(issueWhere({ sheet: 'Deals', row: 18, column: 'AB', message: '' }, 'en')).toBe('Deals row 18, column AB');
  });

  it('quotes a header text', () => {
    expect(issueWhere({ sheet: '案件一覧', row: 18, column: '見積提出日', message: '' }, 'ja')).toBe('案件一覧 18行目「見積提出日」');
  });
});
