import type { TabKind } from '../../shared/records/tab-kind.ts';
import type { TabRow } from '../../shared/rows/read-tab.ts';
import { assignRowIds, type StoredIdentity } from './assign-row-ids.ts';

/** How one sheet row compares with what Postgres holds. */
export type RowChange = 'inserted' | 'updated' | 'unchanged';

export interface DiffedRow<K extends TabKind> {
  readonly row: TabRow<K>;
  readonly id: string;
  readonly hash: string;
  readonly change: RowChange;
}

export interface TabDiff<K extends TabKind> {
  readonly rows: readonly DiffedRow<K>[];
  /** Live stored rows no longer on the sheet: to become tombstones. */
  readonly removedIds: readonly string[];
  readonly reissued: number;
  /** Rows born in the API that the sheet shows now: no longer pending. */
  readonly pendingShown: readonly string[];
  /** Rows born in the API that the sheet does not show (yet): to be appended, never tombstoned. */
  readonly pendingMissing: readonly string[];
}

/**
 * Assigns ids and classifies every row of a tab against the stored rows: new, edited (or back
 * from a tombstone), unchanged; stored rows missing from the sheet are removed, except rows born
 * in the API (`pending`) that the sheet has not shown yet: those are to be appended again.
 */
export function diffTab<K extends TabKind>(
  rows: readonly TabRow<K>[],
  stored: ReadonlyMap<string, StoredIdentity>,
  naturalKey: (row: TabRow<K>) => string,
  newId: () => string,
  pending: ReadonlySet<string> = new Set(),
): TabDiff<K> {
  const assignment = assignRowIds(
    rows.map((row) => ({ idCell: row.idCell, hash: row.hash, naturalKey: () => naturalKey(row) })),
    stored,
    newId,
  );
  const seen = new Set<string>();
  const diffed = rows.map((row, i): DiffedRow<K> => {
    const id = assignment.ids[i] ?? '';
    const hash = row.hash;
    seen.add(id);
    const known = stored.get(id);
    const change: RowChange = known === undefined ? 'inserted' : known.hash !== hash || known.removed ? 'updated' : 'unchanged';
    return { row, id, hash, change };
  });
  const removedIds: string[] = [];
  const pendingMissing: string[] = [];
  for (const [id, s] of stored) {
    if (s.removed || seen.has(id)) continue;
    (pending.has(id) ? pendingMissing : removedIds).push(id);
  }
  const pendingShown = [...pending].filter((id) => seen.has(id));
  return { rows: diffed, removedIds, reissued: assignment.reissued, pendingShown, pendingMissing };
}
