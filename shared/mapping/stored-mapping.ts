import { TAB_KINDS, type TabKind } from '../records/tab-kind.ts';
import type { MappingSpec, TabSpec } from './tab-mapping.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function tabSpecOf(value: unknown): TabSpec | null {
  if (!isRecord(value) || typeof value.sheet !== 'string' || value.sheet === '') return null;
  const headerRow = typeof value.headerRow === 'number' && Number.isInteger(value.headerRow) && value.headerRow >= 1 ? value.headerRow : undefined;
  const columns: Record<string, string> = {};
  if (isRecord(value.columns)) for (const [field, header] of Object.entries(value.columns)) if (typeof header === 'string') columns[field] = header;
  return { sheet: value.sheet, ...(headerRow === undefined ? {} : { headerRow }), columns };
}

/**
 * The tabs of a stored mapping (`{ tabs: { deals: { sheet, headerRow, columns } … } }`), read
 * defensively: the add-on's document properties are plain text anyone who can edit the script may
 * change, and the service's copy came over HTTP. A tab without a sheet name, a header row that is
 * no row number and a column that is no text are left out. Null when no `tabs` object is stored.
 */
export function parseStoredMapping(stored: unknown): MappingSpec | null {
  if (!isRecord(stored) || !isRecord(stored.tabs)) return null;
  const tabs: Partial<Record<TabKind, TabSpec>> = {};
  for (const kind of TAB_KINDS) {
    const spec = tabSpecOf(stored.tabs[kind]);
    if (spec !== null) tabs[kind] = spec;
  }
  return { tabs };
}
