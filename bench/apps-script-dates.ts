// The benchmark pushes dates as serial numbers, as the grid holds them. Apps Script's getValues()
// returns a Date for every date-formatted cell instead, which JSON.stringify writes as a quoted
// 24-character ISO instant ("2026-11-19T15:00:00.000Z"): this is how much bigger a push gets.
import type { CellValue } from '../shared/cells/cell-value.ts';
import { columnIndex } from './deal-sheet.ts';

const QUOTED_INSTANT_BYTES = 26;

/** 0-based columns of the generated sheet that a team would format as dates. */
export const DATE_COLUMNS: readonly number[] = (['ステージ変更日', '見積提出日', '最終訪問日', '次回予定日', '受注予定日', '登録日'] as const).map(columnIndex);

/** Extra bytes if every number in `columns` (0-based; header row skipped) were sent as a Date. */
export function isoInstantExtraBytes(rows: readonly (readonly CellValue[])[], columns: readonly number[]): number {
  let extra = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row === undefined) continue;
    for (const c of columns) {
      const cell = row[c];
      if (typeof cell === 'number') extra += QUOTED_INSTANT_BYTES - String(cell).length;
    }
  }
  return extra;
}
