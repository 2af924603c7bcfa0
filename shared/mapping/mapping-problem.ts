import type { TabKind } from '../records/tab-kind.ts';

/** Why a mapping could not be used as given. */
export type MappingProblem =
  | { readonly code: 'mapping.sheetMissing'; readonly kind: TabKind; readonly sheet: string }
  | { readonly code: 'mapping.noHeaderRow'; readonly kind: TabKind; readonly sheet: string }
  | { readonly code: 'mapping.columnMissing'; readonly kind: TabKind; readonly sheet: string; readonly field: string; readonly column: string }
  | { readonly code: 'mapping.unknownField'; readonly kind: TabKind; readonly sheet: string; readonly field: string }
  | { readonly code: 'mapping.requiredMissing'; readonly kind: TabKind; readonly sheet: string; readonly fields: string };
