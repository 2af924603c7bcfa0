import type { ColumnType } from 'kysely';
import type { Role } from '../../shared/access/role.ts';

export interface SpreadsheetMemberTable {
  spreadsheet_id: string;
  email: string;
  role: Role;
  granted_by: string | null;
  granted_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
