import type { CellValue } from '../cells/cell-value.ts';
import type { Locale } from '../i18n/locale.ts';
import type { SheetGrid } from '../mapping/sheet-grid.ts';
import type { ResolvedTab } from '../mapping/tab-mapping.ts';
import { SERVICE_COLUMNS_BY_KIND, serviceHeader, type ServiceColumnKey } from './service-columns.ts';
import type { AppendedRow, CellWrite, NewServiceColumn, PlanValue, SetupStep, TabPlan } from './write-plan.ts';

/** The service values one sheet row should hold. */
export interface RowServiceValues {
  readonly sheetRow: number;
  readonly values: Readonly<Partial<Record<ServiceColumnKey, PlanValue>>>;
}

export interface TabPlanInput {
  readonly tab: ResolvedTab;
  readonly grid: SheetGrid;
  readonly locale: Locale;
  readonly rows: readonly RowServiceValues[];
  /** Rows with no team data that still hold service values: their service cells are cleared. */
  readonly blankRows: readonly number[];
  /** Rows born in the API that the sheet does not show yet: their team cells; the id cell is added here. */
  readonly appends?: readonly AppendedRow[];
  /** One-time formatting for the service columns just created, given where every one sits. */
  readonly setup: (columns: Readonly<Record<ServiceColumnKey, number>>, created: ReadonlySet<ServiceColumnKey>) => SetupStep[];
}

const isBlank = (v: CellValue | PlanValue | undefined): boolean => v === null || v === undefined || v === '';

/** Whether the sheet already shows the value, so unchanged cells are never rewritten. */
export function sameCellValue(current: CellValue | undefined, wanted: PlanValue): boolean {
  if (isBlank(current) && isBlank(wanted)) return true;
  if (typeof current === 'number' && typeof wanted === 'number') return Math.abs(current - wanted) < 1e-9;
  if (typeof current === 'string' && typeof wanted === 'string') return current === wanted;
  // A number the user's app turned into text (or back) still shows the same.
  return current !== null && current !== undefined && wanted !== null && String(current) === String(wanted);
}

/**
 * Plans one tab's write-back: creates missing service columns after the last column the sheet
 * uses anywhere,
 * then writes only the service cells whose value differs from what the sheet holds.
 */
export function buildTabPlan(input: TabPlanInput): TabPlan {
  const { tab, grid } = input;
  const keys = SERVICE_COLUMNS_BY_KIND[tab.kind];
  const columns: Partial<Record<ServiceColumnKey, number>> = { ...tab.serviceColumns };
  const newColumns: NewServiceColumn[] = [];
  let next = Math.max(tab.lastHeaderColumn, tab.lastUsedColumn, ...Object.values(columns)) + 1;
  for (const key of keys) {
    if (columns[key] !== undefined) continue;
    columns[key] = next;
    newColumns.push({ key, column: next, header: serviceHeader(key, input.locale) });
    next++;
  }
  const full = columns as Record<ServiceColumnKey, number>;

  const writes: CellWrite[] = [];
  const cellAt = (row: number, column: number): CellValue | undefined => grid.rows[row - 1]?.[column - 1];
  for (const { sheetRow, values } of input.rows) {
    for (const key of keys) {
      const column = full[key];
      const value = values[key] ?? null;
      if (!sameCellValue(cellAt(sheetRow, column), value)) writes.push({ row: sheetRow, column, value });
    }
  }
  for (const row of input.blankRows) {
    for (const key of keys) {
      if (!isBlank(cellAt(row, full[key]))) writes.push({ row, column: full[key], value: null });
    }
  }
  return {
    sheet: tab.sheet,
    kind: tab.kind,
    headerRow: tab.headerRow,
    lastRow: Math.max(grid.rows.length, tab.headerRow + 1),
    columns: full,
    newColumns,
    writes,
    setup: newColumns.length > 0 ? input.setup(full, new Set(newColumns.map((c) => c.key))) : [],
    appends: (input.appends ?? []).map((row) => appendedRowWithId(row, full.id)),
  };
}

/** An appended row's team cells and its id cell, left to right; a team cell on the id column gives way. */
export function appendedRowWithId(row: AppendedRow, idColumn: number): AppendedRow {
  const cells = row.cells.filter((c) => c.column !== idColumn && c.value !== null);
  cells.push({ column: idColumn, value: row.id });
  return { id: row.id, cells: cells.sort((a, b) => a.column - b.column) };
}
