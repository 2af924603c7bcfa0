import type { Locale } from '../../shared/i18n/locale.ts';
import type { ResolvedTab } from '../../shared/mapping/tab-mapping.ts';
import type { TabKind } from '../../shared/records/tab-kind.ts';
import type { ServiceColumnKey } from '../../shared/write-plan/service-columns.ts';
import type { TabPlan } from '../../shared/write-plan/write-plan.ts';

/**
 * Where one mapped tab's columns and rows sat after a sync: enough for the API to plan cells on
 * the sheet (a visit's new row, its deal's flags) without reading it.
 */
export interface SheetLayout {
  readonly kind: TabKind;
  readonly sheet: string;
  readonly headerRow: number;
  /** The last row holding data once the sync's plan is applied (appended rows included). */
  readonly lastRow: number;
  /** The language of the tab's headers. */
  readonly locale: Locale;
  /** Field → 1-based column. */
  readonly fields: Readonly<Record<string, number>>;
  /** Service column → 1-based column, once the sync's plan is applied. */
  readonly serviceColumns: Readonly<Partial<Record<ServiceColumnKey, number>>>;
  /** Deals tab only: the id of each data row from headerRow + 1 down, null where no deal. */
  readonly rowIds: readonly (string | null)[] | null;
}

/** The layout a tab has once its plan is applied; `rows` gives the deal rows of a deals tab. */
export function layoutOf(tab: ResolvedTab, plan: TabPlan, rows: readonly { sheetRow: number; id: string }[] | null): SheetLayout {
  let rowIds: (string | null)[] | null = null;
  if (rows !== null) {
    rowIds = [];
    for (const { sheetRow, id } of rows) {
      const index = sheetRow - tab.headerRow - 1;
      while (rowIds.length < index) rowIds.push(null);
      rowIds[index] = id;
    }
  }
  return {
    kind: tab.kind,
    sheet: tab.sheet,
    headerRow: tab.headerRow,
    lastRow: plan.lastRow + (plan.appends?.length ?? 0),
    locale: tab.locale,
    fields: { ...tab.fields } as Record<string, number>,
    serviceColumns: { ...plan.columns },
    rowIds,
  };
}

/** The layout as the resolved tab the mapping would give for the sheet as it was left. */
export function resolvedTabOf<K extends TabKind>(layout: SheetLayout & { readonly kind: K }): ResolvedTab<K> {
  const columns = [...Object.values(layout.fields), ...(Object.values(layout.serviceColumns) as number[])];
  const last = Math.max(0, ...columns);
  return {
    kind: layout.kind,
    sheet: layout.sheet,
    headerRow: layout.headerRow,
    fields: layout.fields as ResolvedTab<K>['fields'],
    serviceColumns: layout.serviceColumns,
    headers: [],
    lastHeaderColumn: last,
    lastUsedColumn: last,
    locale: layout.locale,
  };
}
