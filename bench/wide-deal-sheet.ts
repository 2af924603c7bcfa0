// The "100k-row × 20-column sheet": the 17 generated deal columns plus three columns the
// team keeps for itself (contact, phone, memo) that map to no field but still travel with every
// push and every read. Appended on the right, so columnIndex() and editRows() still apply.
import type { CellValue } from '../shared/cells/cell-value.ts';
import { createRng } from '../examples/seeded-rng.ts';
import { generateDealGrid, type SheetOptions } from './deal-sheet.ts';

export const FILLER_HEADERS = ['先方窓口', '連絡先', '社内メモ'] as const;
export const WIDE_COLUMNS = 20;

const SURNAMES = ['山田', '田村', '石井', '小川', '岡田', '長谷川', '村上', '近藤', '坂本', '遠藤'] as const;
const MEMOS = ['年度末に再提案', '担当交代あり', '競合A社と比較中', '与信確認済み', '訪問時は受付で名刺', '稟議は月末締め'] as const;

/** generateDealGrid's rows, each widened to 20 cells with the team's own columns. */
export function generateWideDealGrid(count: number, options: SheetOptions): CellValue[][] {
  const rows = generateDealGrid(count, options);
  const rng = createRng(options.seed ^ 0xf111);
  rows[0]?.push(...FILLER_HEADERS);
  for (let i = 1; i < rows.length; i++) {
    const phone = `0${rng.int(3, 99)}-${rng.int(1000, 9999)}-${rng.int(1000, 9999)}`;
    rows[i]?.push(`${rng.pick(SURNAMES)}様`, phone, rng.chance(0.4) ? rng.pick(MEMOS) : null);
  }
  return rows;
}
