// The 1%-edited scenario on a Google sheet: the same edits editRows() makes, typed by a user,
// which reaches the sheet as a values.batchUpdate through the user's own API client.
import type { sheets_v4 } from 'googleapis';
import type { CellValue } from '../shared/cells/cell-value.ts';
import { columnLetter } from '../shared/mapping/column-letter.ts';
import { quotedTitle } from '../server/sources/google/a1-range.ts';
import { editRows } from './edit-rows.ts';

export interface ApiEdits {
  readonly rows: number;
  readonly cells: number;
}

/**
 * Edits `fraction` of the rows of `rows` (the local copy of the tab's cells, header first) and
 * sends the changed cells to the spreadsheet as raw values, as typed.
 */
export async function editThroughApi(user: sheets_v4.Sheets, spreadsheetId: string, sheet: string, rows: CellValue[][], fraction: number, seed: number): Promise<ApiEdits> {
  const before = rows.map((r) => [...r]);
  const edits = editRows(rows, fraction, seed);
  const data: sheets_v4.Schema$ValueRange[] = [];
  for (const row of edits.rows) {
    const now = rows[row - 1] ?? [];
    const was = before[row - 1] ?? [];
    now.forEach((value, c) => {
      if (value !== was[c]) data.push({ range: `${quotedTitle(sheet)}!${columnLetter(c + 1)}${row}`, values: [[value ?? '']] });
    });
  }
  await user.spreadsheets.values.batchUpdate({ spreadsheetId, requestBody: { valueInputOption: 'RAW', data } });
  return { rows: edits.rows.length, cells: data.length };
}
