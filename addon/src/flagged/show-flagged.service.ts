import { columnLetter } from '../../../shared/mapping/column-letter.ts';
import { localize } from '../bootstrap/localize.ts';
import { fail, ok } from '../bootstrap/rpc-results.ts';
import { findDealsTab, noDealsTabMessage } from '../deal-card/deals-tab.ts';
import type { FlaggedShown, RpcResult } from '../rpc/sidebar-rpc.ts';
import { FLAGGED_MESSAGES } from './flagged-messages.ts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function countFlagged(sheet: Sheet, firstRow: number, lastRow: number, column: number): number {
  if (lastRow < firstRow) return 0;
  return sheet
    .getRange(firstRow, column, lastRow - firstRow + 1, 1)
    .getValues()
    .filter((r) => r[0] !== '' && r[0] !== null).length;
}

/**
 * Shows the flagged deals: a basic filter on the deals tab with "not empty" on the flags column.
 * The team's own filter is reused as it is (its range and other criteria untouched); without one,
 * a filter over the data from the header row is created. Never writes a cell.
 */
export function showFlaggedDeals(): RpcResult<FlaggedShown> {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const deals = findDealsTab(ss);
  if (deals === null) return fail('not_set_up', noDealsTabMessage());
  const { sheet, tab, flagsColumn } = deals;
  if (flagsColumn === null) return fail('not_found', localize(FLAGGED_MESSAGES.noFlagsColumn, { sheet: tab.sheet }));

  const criteria = SpreadsheetApp.newFilterCriteria().whenCellNotEmpty().build();
  const lastRow = Math.max(sheet.getLastRow(), tab.headerRow);
  const existing = sheet.getFilter();
  if (existing !== null) {
    const range = existing.getRange();
    const inside = flagsColumn >= range.getColumn() && flagsColumn <= range.getLastColumn();
    if (!inside) {
      return fail('invalid', localize(FLAGGED_MESSAGES.filterTooNarrow, { sheet: tab.sheet, range: range.getA1Notation(), column: columnLetter(flagsColumn) }));
    }
    existing.setColumnFilterCriteria(flagsColumn, criteria);
  } else {
    const lastColumn = Math.max(sheet.getLastColumn(), flagsColumn);
    sheet.getRange(tab.headerRow, 1, lastRow - tab.headerRow + 1, lastColumn).createFilter().setColumnFilterCriteria(flagsColumn, criteria);
  }
  sheet.activate();
  return ok({ sheet: tab.sheet, flaggedRows: countFlagged(sheet, tab.headerRow + 1, lastRow, flagsColumn) });
}
