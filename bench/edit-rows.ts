// The "1% of rows edited" scenario: a teammate moves some deals to another stage and re-quotes
// others. Edits the grid in place, as a person typing into the sheet would.
import type { CellValue } from '../shared/cells/cell-value.ts';
import { parseStage } from '../shared/cells/parse-stage.ts';
import { STAGE_CODES } from '../shared/stages/stage.ts';
import { columnIndex, defaultStageLabel } from './deal-sheet.ts';
import { createRng } from '../examples/seeded-rng.ts';

export interface RowEdits {
  /** 1-based sheet rows that were edited. */
  readonly rows: readonly number[];
  readonly stageEdits: number;
  readonly amountEdits: number;
}

const STAGE = columnIndex('ステージ');
const AMOUNT = columnIndex('見積金額');

/**
 * Edits `fraction` of the data rows (below header row 1): half get another stage's label, half a
 * new amount. Every edit changes what the row says, so each edited row is one changed deal.
 */
export function editRows(rows: CellValue[][], fraction: number, seed: number): RowEdits {
  const rng = createRng(seed);
  const dataRows = rows.length - 1;
  const target = Math.max(1, Math.round(dataRows * fraction));
  const picked = new Set<number>();
  while (picked.size < target) picked.add(rng.int(1, dataRows));
  let stageEdits = 0;
  let amountEdits = 0;
  for (const index of picked) {
    const cells = rows[index];
    if (cells === undefined) throw new Error(`no row ${index + 1}`);
    if (stageEdits <= amountEdits) {
      const current = parseStage(cells[STAGE] ?? null, {});
      const others = STAGE_CODES.filter((code) => !(current.ok && current.value === code));
      cells[STAGE] = defaultStageLabel(rng.pick(others));
      stageEdits++;
    } else {
      const amount = cells[AMOUNT];
      cells[AMOUNT] = (typeof amount === 'number' ? amount : 1_000_000) + rng.int(1, 50) * 10_000;
      amountEdits++;
    }
  }
  return { rows: [...picked].sort((a, b) => a - b).map((i) => i + 1), stageEdits, amountEdits };
}
