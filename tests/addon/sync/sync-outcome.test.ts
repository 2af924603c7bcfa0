import { describe, expect, it } from 'vitest';
import type { WritePlanWire } from '../../../shared/write-plan/plan-wire.ts';
import { expectedRowIds, flaggedDealRows, foldOutcomes, syncOutcome } from '../../../addon/src/sync/sync-outcome.ts';
import type { PushSyncAnswer } from '../../../shared/sync-wire/push-sync-answer.ts';

const PUSHED = new Map([
  [
    '案件一覧',
    [
      ['案件名', 'ID [SFA]', 'フラグ [SFA]'],
      ['A案件', 'd-1', '停滞'],
      ['B案件', 'd-2'],
      ['C案件', '', ''],
    ],
  ],
]);

function plan(over: Partial<WritePlanWire['tabs'][number]> = {}): WritePlanWire {
  return {
    spreadsheetId: 's',
    tabs: [{ sheet: '案件一覧', kind: 'deals', headerRow: 1, lastRow: 4, columns: { id: 2, flags: 3 }, newColumns: [], runs: [], setup: [], ...over }],
  };
}

function answerWith(summary: PushSyncAnswer['summary']): PushSyncAnswer {
  return { runId: 'r', asOf: '2026-11-20', dryRun: false, locale: 'ja', plan: plan(), summary };
}

describe('expectedRowIds', () => {
  it('maps each pushed row below the header to the id it showed', () => {
    expect(expectedRowIds(plan(), PUSHED).get('案件一覧')).toEqual(
      new Map([
        [2, 'd-1'],
        [3, 'd-2'],
      ]),
    );
  });

  it('has nothing to check for a tab whose id column the plan creates', () => {
    expect(expectedRowIds(plan({ newColumns: [{ key: 'id', column: 2, header: 'ID [SFA]' }] }), PUSHED).has('案件一覧')).toBe(false);
  });
});

describe('flaggedDealRows', () => {
  it('counts the deal rows whose flags cell is filled once the plan is written', () => {
    expect(flaggedDealRows(plan(), PUSHED)).toBe(1);
    const runs = [{ column: 3, startRow: 2, values: [null, '期限切れ', '停滞 / ボール滞留'] }];
    expect(flaggedDealRows(plan({ runs }), PUSHED)).toBe(2);
  });
});

describe('syncOutcome', () => {
  it('sums the tabs and takes the cells the add-on actually wrote', () => {
    const answer = answerWith({
      tabs: [
        { kind: 'deals', sheet: '案件一覧', read: 3, inserted: 1, updated: 1, unchanged: 1, removed: 0, reissued: 0 },
        { kind: 'visits', sheet: '訪問記録', read: 2, inserted: 2, updated: 0, unchanged: 0, removed: 1, reissued: 0 },
      ],
      flagCounts: { stale: 1 },
      cellsWritten: 12,
      issueCount: 1,
      issues: [{ sheet: '案件一覧', row: 3, column: 'D', header: '金額', field: 'amount', value: 'x', message: '金額として読めません' }],
      mappingProblems: [],
      settingsProblems: [],
    });
    const outcome = syncOutcome(answer, { cellsWritten: 10, deferred: 2, skippedSetup: 0 }, PUSHED, 1234);
    expect(outcome).toEqual({
      rowsRead: 5,
      inserted: 3,
      updated: 1,
      removed: 1,
      cellsWritten: 10,
      flaggedDeals: 1,
      deferred: 2,
      issues: [{ sheet: '案件一覧', row: 3, column: 'D', message: '金額として読めません' }],
      issueCount: 1,
      durationMs: 1234,
    });
    expect(foldOutcomes(outcome, { ...outcome, inserted: 0, cellsWritten: 3, deferred: 0, issueCount: 0, issues: [] }, 2000)).toMatchObject({ inserted: 3, cellsWritten: 13, deferred: 0, issueCount: 0, issues: [], durationMs: 2000 });
  });

  it('counts every cell the service could not read when it sent only the first of them', () => {
    const issue = { sheet: '案件一覧', row: 3, column: 'D', header: '金額', field: 'amount', value: 'x', message: '金額として読めません' };
    const answer = answerWith({ tabs: [], flagCounts: {}, cellsWritten: 0, issueCount: 1234, issues: Array.from({ length: 500 }, () => issue), mappingProblems: [], settingsProblems: [] });
    const outcome = syncOutcome(answer, { cellsWritten: 0, deferred: 0, skippedSetup: 0 }, PUSHED, 10);
    expect([outcome.issues.length, outcome.issueCount]).toEqual([500, 1234]);
  });
});
