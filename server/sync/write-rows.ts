import type { SpecialRequest } from '../../shared/records/request.ts';
import type { TabKind } from '../../shared/records/tab-kind.ts';
import type { Visit } from '../../shared/records/visit.ts';
import { insertTracked, updateTracked, type RecordColumn, type TrackedTable, type TrackedWrite } from '../db/tracked-rows.ts';
import type { Db } from '../db/database.ts';
import type { BulkWriter } from '../db/bulk-writer.ts';
import { bulkUpdate } from '../db/bulk-sql.ts';
import { DEAL_COLUMNS, type StoredDealValue } from '../deals/deal.columns.ts';
import { updateDealStatuses, type StoredDealState } from '../deals/deal.repository.ts';
import type { PersistedStatus } from './deal-status-record.ts';
import type { DealStep } from './deal-statuses.ts';
import { REQUEST_COLUMNS, type StoredRequestValue } from '../requests/request.columns.ts';
import { VISIT_COLUMNS, type StoredVisitValue } from '../visits/visit.columns.ts';
import type { DiffedRow, TabDiff } from './diff-tab.ts';

async function writeChanged<K extends TabKind, T>(
  db: Db,
  writer: BulkWriter,
  table: TrackedTable,
  spreadsheetId: string,
  diff: TabDiff<K>,
  value: (row: DiffedRow<K>, index: number) => T,
  columns: readonly RecordColumn<T>[],
  at: Date,
): Promise<void> {
  const inserts: TrackedWrite<T>[] = [];
  const updates: TrackedWrite<T>[] = [];
  diff.rows.forEach((d, i) => {
    if (d.change === 'unchanged') return;
    const write = { id: d.id, hash: d.hash, issueCount: d.row.issues.length, value: value(d, i) };
    (d.change === 'inserted' ? inserts : updates).push(write);
  });
  await insertTracked(writer, table, spreadsheetId, inserts, columns, at);
  await updateTracked(db, table, spreadsheetId, updates, columns, at);
}

/**
 * Writes new and edited deals with their memory and status; for deals whose content is unchanged
 * but whose status was recomputed (a new day, new settings), rewrites the status alone.
 */
export async function writeDeals(
  db: Db,
  writer: BulkWriter,
  spreadsheetId: string,
  steps: readonly DealStep[],
  states: ReadonlyMap<string, StoredDealState>,
  at: Date,
): Promise<void> {
  const inserts: TrackedWrite<StoredDealValue>[] = [];
  const updates: TrackedWrite<StoredDealValue>[] = [];
  const statusOnly: { id: string; status: PersistedStatus }[] = [];
  for (const step of steps) {
    const d = step.diffed;
    if (step.memory === null || step.status === null) continue;
    if (d.change === 'unchanged') {
      const stored = states.get(d.id);
      if (stored?.statusAsOf !== step.status.asOf || stored.statusHash !== step.status.hash) statusOnly.push({ id: d.id, status: step.status });
      continue;
    }
    const record = step.memory.storedStage === undefined ? d.row.record : { ...d.row.record, stage: step.memory.storedStage };
    const write = { id: d.id, hash: d.hash, issueCount: d.row.issues.length, value: { deal: record, memory: step.memory.memory, status: step.status } };
    (d.change === 'inserted' ? inserts : updates).push(write);
  }
  await insertTracked(writer, 'deals', spreadsheetId, inserts, DEAL_COLUMNS, at);
  await updateTracked(db, 'deals', spreadsheetId, updates, DEAL_COLUMNS, at);
  await updateDealStatuses(db, spreadsheetId, statusOnly);
}

export async function writeVisits(
  db: Db,
  writer: BulkWriter,
  spreadsheetId: string,
  diff: TabDiff<'visits'>,
  dealOf: (visit: Visit) => string | null,
  at: Date,
): Promise<void> {
  await writeChanged<'visits', StoredVisitValue>(db, writer, 'visits', spreadsheetId, diff, (d) => ({ visit: d.row.record, dealId: dealOf(d.row.record) }), VISIT_COLUMNS, at);
}

export async function writeRequests(
  db: Db,
  writer: BulkWriter,
  spreadsheetId: string,
  diff: TabDiff<'requests'>,
  dealOf: (request: SpecialRequest) => string | null,
  at: Date,
): Promise<void> {
  await writeChanged<'requests', StoredRequestValue>(db, writer, 'requests', spreadsheetId, diff, (d) => ({ request: d.row.record, dealId: dealOf(d.row.record) }), REQUEST_COLUMNS, at);
}

/** Points unchanged visits or requests at the deal they now name. */
export async function relinkRows(db: Db, table: 'visits' | 'requests', spreadsheetId: string, rows: readonly { id: string; dealId: string | null }[]): Promise<void> {
  if (rows.length === 0) return;
  await bulkUpdate(db, table, spreadsheetId, [
    { name: 'id', type: 'text', values: rows.map((r) => r.id) },
    { name: 'deal_id', type: 'text', values: rows.map((r) => r.dealId) },
  ]);
}
