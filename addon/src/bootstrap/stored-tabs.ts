import type { MappingSpec, TabSpec } from '../../../shared/mapping/tab-mapping.ts';
import { TAB_KINDS, type TabKind } from '../../../shared/records/tab-kind.ts';
import { loadMapping } from '../platform/document-store.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function tabSpecOf(value: unknown): TabSpec | null {
  if (!isRecord(value) || typeof value.sheet !== 'string' || value.sheet === '') return null;
  const headerRow = typeof value.headerRow === 'number' && Number.isInteger(value.headerRow) && value.headerRow >= 1 ? value.headerRow : undefined;
  const columns: Record<string, string> = {};
  if (isRecord(value.columns)) for (const [field, header] of Object.entries(value.columns)) if (typeof header === 'string') columns[field] = header;
  return { sheet: value.sheet, ...(headerRow === undefined ? {} : { headerRow }), columns };
}

/**
 * The tabs of the stored mapping (document properties), read defensively: properties are plain
 * text anyone with edit access to the script could have changed.
 */
export function storedMappingSpec(): MappingSpec | null {
  const stored: unknown = loadMapping();
  if (!isRecord(stored) || !isRecord(stored.tabs)) return null;
  const tabs: Partial<Record<TabKind, TabSpec>> = {};
  for (const kind of TAB_KINDS) {
    const spec = tabSpecOf(stored.tabs[kind]);
    if (spec !== null) tabs[kind] = spec;
  }
  return { tabs };
}

/** Whether set-up stored a deals tab for this spreadsheet. */
export function isSetUp(): boolean {
  return storedMappingSpec()?.tabs?.deals !== undefined;
}
