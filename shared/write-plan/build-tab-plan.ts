import type { CellValue } from '../cells/cell-value.ts';
import type { Locale } from '../i18n/locale.ts';
import type { SheetGrid } from '../mapping/sheet-grid.ts';
import type { ResolvedTab } from '../mapping/tab-mapping.ts';
import { SERVICE_COLUMNS_BY_KIND, serviceHeader, type ServiceColumnKey } from './service-columns.ts';
import type { AppendedCell, AppendedRow, CellWrite, NewServiceColumn, PlanValue, SetupStep, TabPlan } from './write-plan.ts';

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
  /**
   * Team cells the service sets back (a request's hand-typed status, reverted to what Postgres
   * says): written only where the sheet shows something else. Nothing else of the team's is written.
   */
  readonly teamWrites?: readonly CellWrite[];
  /** Service values of appended rows, by id: written in the same append as their team cells. */
  readonly appendValues?: ReadonlyMap<string, Readonly<Partial<Record<ServiceColumnKey, PlanValue>>>>;
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
  for (const w of input.teamWrites ?? []) {
    if (!sameCellValue(cellAt(w.row, w.column), w.value)) writes.push(w);
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
    appends: (input.appends ?? []).map((row) => appendedRowWithId(row, full.id, serviceCellsOf(input.appendValues?.get(row.id), keys, full))),
  };
}

// Service columns holding dates, formatted as such when a row is appended.
const DATE_KEYS: ReadonlySet<ServiceColumnKey> = new Set<ServiceColumnKey>(['stageEnteredOn', 'decidedOn']);

function serviceCellsOf(
  values: Readonly<Partial<Record<ServiceColumnKey, PlanValue>>> | undefined,
  keys: readonly ServiceColumnKey[],
  columns: Readonly<Record<ServiceColumnKey, number>>,
): AppendedCell[] {
  if (values === undefined) return [];
  return keys.flatMap((key): AppendedCell[] => {
    const value = values[key];
    if (key === 'id' || value === undefined || value === null) return [];
    return [DATE_KEYS.has(key) ? { column: columns[key], value, format: 'date' } : { column: columns[key], value }];
  });
}

/**
 * An appended row's team cells, its id cell and any service cells, left to right; a team cell on
 * a service column gives way.
 */
export function appendedRowWithId(row: AppendedRow, idColumn: number, serviceCells: readonly AppendedCell[] = []): AppendedRow {
  const taken = new Set([idColumn, ...serviceCells.map((c) => c.column)]);
  const cells = row.cells.filter((c) => !taken.has(c.column) && c.value !== null);
  cells.push({ column: idColumn, value: row.id }, ...serviceCells);
  return { id: row.id, cells: cells.sort((a, b) => a.column - b.column) };
}
