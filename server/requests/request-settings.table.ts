import type { ColumnType } from 'kysely';
import type { JsonColumn } from '../db/column-types.ts';

/** Per-spreadsheet overrides of the request policy (rates, routing, flag ratios, type labels). */
export interface RequestSettingsTable {
  spreadsheet_id: string;
  /** The overrides as an admin saved them; the effective policy is requestPolicyOf(policy). */
  policy: JsonColumn<unknown>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: string | null;
}
