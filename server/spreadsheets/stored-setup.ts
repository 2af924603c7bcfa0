import { TAB_KINDS, type TabKind } from '../../shared/records/tab-kind.ts';
import type { MappingSpec, TabSpec } from '../../shared/mapping/tab-mapping.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function tabSpecOf(value: unknown): TabSpec | null {
  if (!isRecord(value) || typeof value.sheet !== 'string') return null;
  const columns: Record<string, string> = {};
  if (isRecord(value.columns)) for (const [field, header] of Object.entries(value.columns)) if (typeof header === 'string') columns[field] = header;
  return { sheet: value.sheet, ...(typeof value.headerRow === 'number' ? { headerRow: value.headerRow } : {}), columns };
}

/**
 * The mapping stored for a spreadsheet (what its last sync resolved, by header text), as an add-on
 * on another computer restores its set-up from; null before the first sync.
 */
export function storedMapping(value: unknown): MappingSpec | null {
  if (!isRecord(value) || !isRecord(value.tabs)) return null;
  const tabs: Partial<Record<TabKind, TabSpec>> = {};
  for (const kind of TAB_KINDS) {
    const spec = tabSpecOf(value.tabs[kind]);
    if (spec !== null) tabs[kind] = spec;
  }
  return { tabs };
}

/** The stored settings overrides (stage labels among them), or null when none were ever given. */
export function storedSettings(value: unknown): Record<string, unknown> | null {
  return isRecord(value) ? value : null;
}
