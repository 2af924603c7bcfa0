// A working copy for atomic batchUpdate: sheets are cloned the first time a request writes to
// them, and the caller swaps the draft in only when every request succeeded.

import { cloneMetadata, cloneSheet, findSheet } from './spreadsheet-model.ts';
import type { SheetModel, SpreadsheetModel } from './spreadsheet-model.ts';

export interface SpreadsheetDraft {
  readonly doc: SpreadsheetModel;
  /** The draft's own copy of a sheet, safe to mutate; undefined when no sheet has that id. */
  writableSheet(sheetId: number): SheetModel | undefined;
  /** Registers a sheet created inside the draft so it is not cloned again. */
  adoptSheet(sheet: SheetModel): void;
}

export function beginDraft(original: SpreadsheetModel): SpreadsheetDraft {
  const doc: SpreadsheetModel = {
    ...original,
    sheets: original.sheets.slice(),
    metadata: original.metadata.map(cloneMetadata),
  };
  const owned = new Set<SheetModel>();
  return {
    doc,
    writableSheet(sheetId) {
      const sheet = findSheet(doc, sheetId);
      if (sheet === undefined || owned.has(sheet)) return sheet;
      const copy = cloneSheet(sheet);
      owned.add(copy);
      doc.sheets[doc.sheets.indexOf(sheet)] = copy;
      return copy;
    },
    adoptSheet(sheet) {
      owned.add(sheet);
    },
  };
}
