import { parseBall } from '../../../shared/cells/parse-ball.ts';
import { cellText } from '../../../shared/cells/cell-text.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import type { Ball } from '../../../shared/records/ball.ts';
import type { DealField } from '../../../shared/records/deal.ts';
import { localize } from '../bootstrap/localize.ts';
import { fail, ok } from '../bootstrap/rpc-results.ts';
import { readRow } from '../bootstrap/sheet-cells.ts';
import type { RpcResult } from '../rpc/sidebar-rpc.ts';
import { DEAL_CARD_MESSAGES } from './deal-card-messages.ts';
import { findDealsTab, noDealsTabMessage } from './deals-tab.ts';

/** The deal row under the user's cursor, as the sheet shows it. */
export interface ActiveDealRow {
  readonly sheet: string;
  readonly row: number;
  /** The ID [SFA] cell; null until the row's first sync. */
  readonly dealId: string | null;
  readonly title: string | null;
  readonly account: string | null;
  readonly ball: Ball | null;
}

const text = (cells: readonly CellValue[], column: number | undefined): string | null => {
  if (column === undefined) return null;
  const value = cellText(cells[column - 1]);
  return value === '' ? null : value;
};

/**
 * The active cell's row on the deals tab. Refused with `not_set_up` when there is no deals tab,
 * `no_deal_row` (naming the tab) when the cursor is elsewhere or on an empty row.
 */
export function activeDealRow(): RpcResult<ActiveDealRow> {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const deals = findDealsTab(ss);
  if (deals === null) return fail('not_set_up', noDealsTabMessage());
  const notOnRow = () => fail<ActiveDealRow>('no_deal_row', localize(DEAL_CARD_MESSAGES.notOnDealRow, { sheet: deals.tab.sheet }));
  const cell = ss.getActiveCell();
  const sheet = cell.getSheet();
  const row = cell.getRow();
  if (sheet.getSheetId() !== deals.sheet.getSheetId() || row <= deals.tab.headerRow || row > sheet.getLastRow()) return notOnRow();
  const cells = readRow(sheet, row, ss.getSpreadsheetTimeZone());
  const fields = deals.tab.fields as Readonly<Partial<Record<DealField, number>>>;
  const dealId = deals.idColumn === null ? null : text(cells, deals.idColumn);
  const title = text(cells, fields.title);
  const account = text(cells, fields.account);
  const stage = text(cells, fields.stage);
  if (dealId === null && title === null && account === null && stage === null) return notOnRow();
  const ballCell = fields.ball === undefined ? null : (cells[fields.ball - 1] ?? null);
  const ball = parseBall(ballCell);
  return ok({ sheet: deals.tab.sheet, row, dealId, title, account, ball: ball.ok ? ball.value : null });
}
