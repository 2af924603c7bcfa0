import type { VisitFact } from '../../shared/flags/flag.ts';
import type { ResolvedTab } from '../../shared/mapping/tab-mapping.ts';
import type { TabKind } from '../../shared/records/tab-kind.ts';
import type { SyncSettings } from '../../shared/settings/sync-settings.ts';
import { appendedRowHash, requestRowCells, visitRowCells } from '../../shared/write-plan/appended-row.ts';
import type { AppendedCell, AppendedRow } from '../../shared/write-plan/write-plan.ts';
import type { Db } from '../db/database.ts';
import { sql } from 'kysely';
import { visitsByIds } from '../visits/visit.repository.ts';
import { storedRequestRecord } from '../requests/stored-request-record.ts';

/** Rows born in the API that the sheet lacks: what the plan appends, and the hashes they will read back with. */
export interface PendingAppends {
  /** Team cells only: the tab's plan adds the id cell where the id column sits. */
  readonly appends: readonly AppendedRow[];
  readonly hashes: readonly { id: string; hash: string }[];
}

const NONE: PendingAppends = { appends: [], hashes: [] };

function planned<K extends TabKind>(tab: ResolvedTab<K>, rows: readonly { id: string; cells: AppendedCell[] }[], settings: SyncSettings): PendingAppends {
  const appends: AppendedRow[] = [];
  const hashes: { id: string; hash: string }[] = [];
  for (const row of rows) {
    const hash = appendedRowHash(tab, row, settings);
    // A row no mapped column would show reads as blank: appending it would repeat every sync.
    if (hash === null) continue;
    appends.push(row);
    hashes.push({ id: row.id, hash });
  }
  return { appends, hashes };
}

/** The pending visits the sheet lacks, oldest logged first, and their facts per deal for the flag rules. */
export async function pendingVisits(
  db: Db,
  spreadsheetId: string,
  tab: ResolvedTab<'visits'>,
  ids: readonly string[],
  settings: SyncSettings,
): Promise<PendingAppends & { facts: ReadonlyMap<string, readonly VisitFact[]> }> {
  if (ids.length === 0) return { ...NONE, facts: new Map() };
  const visits = (await visitsByIds(db, spreadsheetId, ids)).sort((a, b) => a.loggedAt.getTime() - b.loggedAt.getTime() || (a.id < b.id ? -1 : 1));
  const facts = new Map<string, VisitFact[]>();
  for (const v of visits) {
    if (v.dealId === null || v.visit.visitedOn === null) continue;
    const list = facts.get(v.dealId) ?? [];
    list.push({ visitedOn: v.visit.visitedOn, ballAfter: v.visit.ballAfter, nextAction: v.visit.nextAction, nextActionOn: v.visit.nextActionOn });
    facts.set(v.dealId, list);
  }
  return { ...planned(tab, visits.map((v) => ({ id: v.id, cells: visitRowCells(tab, v.visit) })), settings), facts };
}


/** The pending requests the sheet lacks, oldest filed first. */
export async function pendingRequests(
  db: Db,
  spreadsheetId: string,
  tab: ResolvedTab<'requests'>,
  ids: readonly string[],
  settings: SyncSettings,
): Promise<PendingAppends> {
  if (ids.length === 0) return NONE;
  const rows = await db
    .selectFrom('requests')
    .select(['id', 'requested_on', 'type', 'type_label', 'account', 'deal_title', 'requester', 'background', 'description', 'alternative', 'estimated_cost', 'status'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('id', '=', sql<string>`any(${ids}::text[])`)
    .where('removed_at', 'is', null)
    .orderBy('first_seen_at')
    .orderBy('id')
    .execute();
  const requests = rows.map((r) => ({ id: r.id, cells: requestRowCells(tab, storedRequestRecord(r)) }));
  return planned(tab, requests, settings);
}
