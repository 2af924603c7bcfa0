import type { SheetGrid } from '../../shared/mapping/sheet-grid.ts';
import type { WritePlan } from '../../shared/write-plan/write-plan.ts';
import type { SourceKind } from '../spreadsheets/spreadsheet.table.ts';

export interface SourceIdentity {
  /** Stable across renames and moves: a workbook id kept in the file, or the Google file id. */
  readonly spreadsheetId: string;
  readonly kind: SourceKind;
  readonly title: string;
  /** The spreadsheet's IANA time zone, when it records one. */
  readonly timeZone: string | null;
}

/**
 * Where rows come from and where the write plan goes: an .xlsx workbook, Google Sheets, or the
 * values the add-on pushes. One engine, one adapter per source.
 */
export interface SheetSource {
  identify(): Promise<SourceIdentity>;
  /** Every tab's values; the engine decides which tabs it understands. */
  read(): Promise<readonly SheetGrid[]>;
  /** Applies the plan: service columns and ids only, never a cell the team owns. */
  apply(plan: WritePlan): Promise<void>;
}
