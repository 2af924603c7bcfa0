import { parseStoredMapping } from '../../../shared/mapping/stored-mapping.ts';
import type { MappingSpec } from '../../../shared/mapping/tab-mapping.ts';
import { loadMapping } from '../platform/document-store.ts';

/** The tabs of the mapping stored in document properties, read defensively (shared/mapping/stored-mapping.ts). */
export function storedMappingSpec(): MappingSpec | null {
  return parseStoredMapping(loadMapping());
}

/** Whether set-up stored a deals tab for this spreadsheet. */
export function isSetUp(): boolean {
  return storedMappingSpec()?.tabs?.deals !== undefined;
}
