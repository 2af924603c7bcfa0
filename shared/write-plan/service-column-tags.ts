import type { CellValue } from '../cells/cell-value.ts';
import type { Locale } from '../i18n/locale.ts';
import type { SheetGrid } from '../mapping/sheet-grid.ts';
import { SERVICE_COLUMN_KEYS, serviceColumnOfHeader, serviceHeader, type ServiceColumnKey } from './service-columns.ts';

/** Developer metadata key tagging a service column; its value is the ServiceColumnKey. */
export const SERVICE_COLUMN_TAG = 'sheets-sfa.column';
/** Developer metadata key tagging the header row the service columns' headers sit in. */
export const HEADER_ROW_TAG = 'sheets-sfa.header-row';

// Column ZZZ: the widest a Google sheet can be.
const MAX_TAGGED_COLUMN = 18_278;
const MAX_ROWS_PAST_VALUES = 10;

/** Where a tab's developer metadata places the service columns; rows and columns are 1-based. */
export interface ServiceColumnTags {
  readonly headerRow: number;
  readonly columns: readonly { readonly key: ServiceColumnKey; readonly column: number }[];
}

/** The service column a tag's metadata value names, or null for a value this version does not know. */
export function serviceColumnKeyOf(value: string | null | undefined): ServiceColumnKey | null {
  return SERVICE_COLUMN_KEYS.find((k) => k === value) ?? null;
}

/** The language the tab's service headers are written in: the majority of those that tell. */
function serviceHeaderLocale(header: readonly CellValue[]): Locale {
  let ja = 0;
  let en = 0;
  for (const cell of header) {
    if (typeof cell !== 'string') continue;
    const key = serviceColumnOfHeader(cell);
    if (key === null) continue;
    const text = cell.normalize('NFKC').trim().toLowerCase();
    const jaText = serviceHeader(key, 'ja').toLowerCase();
    const enText = serviceHeader(key, 'en').toLowerCase();
    // Headers the same in both languages (ID) tell nothing.
    if (jaText === enText) continue;
    if (text === jaText) ja++;
    else if (text === enText) en++;
  }
  return en > ja ? 'en' : 'ja';
}

/**
 * The grid as the sync engine should see it, given where developer metadata places the service
 * columns: each tagged column's header cell holds its canonical service header, so a column the
 * team moved, renamed or whose header they cleared is still found by its header text. A header
 * elsewhere naming a tagged column's key is a copy (metadata never travels with copied cells) and
 * is blanked, so the service keeps writing only into the column it created.
 *
 * Pure and cheap: only the header row is copied, every other row is shared with `grid`, and the
 * grid itself is returned when nothing changes. New headers take the language of the tab's other
 * service headers, Japanese when there are none. Tags outside the grid's bounds are ignored, as is
 * a second tag for a key already tagged (the leftmost column wins).
 */
export function withServiceColumnTags(grid: SheetGrid, tags: ServiceColumnTags): SheetGrid {
  // A header row just past the values is one whose cells were cleared (Sheets omits trailing empty
  // rows); a tag far beyond them is not one the service made, and padding to it has no bound.
  if (!Number.isInteger(tags.headerRow) || tags.headerRow < 1 || tags.headerRow > grid.rows.length + MAX_ROWS_PAST_VALUES) return grid;
  const byKey = new Map<ServiceColumnKey, number>();
  const taken = new Set<number>();
  for (const { key, column } of [...tags.columns].sort((a, b) => a.column - b.column)) {
    // A tag far past the sheet's width cannot be one the service made (it appends its columns
    // right after the used ones); following it would pad the header row without bound.
    if (!Number.isInteger(column) || column < 1 || column > MAX_TAGGED_COLUMN || byKey.has(key) || taken.has(column)) continue;
    byKey.set(key, column);
    taken.add(column);
  }
  if (byKey.size === 0) return grid;

  const original = grid.rows[tags.headerRow - 1] ?? [];
  const header: CellValue[] = [...original];
  const locale = serviceHeaderLocale(original);
  let changed = false;
  header.forEach((cell, i) => {
    if (typeof cell !== 'string') return;
    const key = serviceColumnOfHeader(cell);
    if (key !== null && byKey.has(key) && byKey.get(key) !== i + 1) {
      header[i] = null;
      changed = true;
    }
  });
  for (const [key, column] of byKey) {
    const cell = header[column - 1];
    if (typeof cell === 'string' && serviceColumnOfHeader(cell) === key) continue;
    while (header.length < column) header.push(null);
    header[column - 1] = serviceHeader(key, locale);
    changed = true;
  }
  if (!changed) return grid;

  const rows = grid.rows.slice();
  while (rows.length < tags.headerRow) rows.push([]);
  rows[tags.headerRow - 1] = header;
  return { name: grid.name, rows };
}
