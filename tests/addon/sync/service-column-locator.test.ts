import { describe, expect, it } from 'vitest';
import { markedServiceColumns } from '../../../addon/src/sync/service-column-locator.ts';

describe('markedServiceColumns', () => {
  it('finds the header row with the most [SFA] headers, in either language', () => {
    const rows = [['注: フラグ [SFA] は自動'], ['案件名', 'ID [SFA]', 'Stage since [SFA]', '滞留日数 [SFA]', 'メモ'], ['基幹更新', 'd-1', 46346, 3]];
    expect(markedServiceColumns(rows)).toEqual({ headerRow: 2, columns: { id: 2, stageEnteredOn: 3, daysInStage: 4 } });
  });

  it('finds nothing on a sheet without service headers', () => {
    expect(markedServiceColumns([['案件名', '顧客名']])).toBeNull();
  });
});
