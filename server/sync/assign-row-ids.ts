/** A sheet row as identity assignment sees it. */
export interface IdentityCandidate {
  readonly idCell: string | null;
  readonly hash: string;
  /**
   * Account + title or similar: what a person would call the same record. A function, because it
   * is needed only for rows that lost their id, and normalising it for 100k rows costs time.
   */
  readonly naturalKey: () => string;
}

/** A stored row as identity assignment sees it. */
export interface StoredIdentity {
  readonly hash: string;
  readonly naturalKey: () => string;
  readonly removed: boolean;
}

/** A stored visit or request: which deal it was linked to. */
export interface LinkedIdentity extends StoredIdentity {
  readonly dealId: string | null;
}

export interface IdAssignment {
  /** The id of each candidate, in order. */
  readonly ids: readonly string[];
  /** How many carried an id that another row already held (a pasted duplicate). */
  readonly reissued: number;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * Gives every sheet row a stable id.
 * - A row keeps the id in its id cell. When several rows carry one id (a pasted copy), the one
 *   that still matches the stored row keeps it and the others get new ids of their own.
 * - A row with no id first adopts a live stored row that no sheet row claimed and whose content
 *   matches (an id cell cleared by hand, or ids issued by a sync whose write-back failed), then a
 *   unique natural-key match, and only then gets a new id. Without this, a failed write-back
 *   would turn every new row into a duplicate plus a tombstone on the next sync.
 */
export function assignRowIds(
  rows: readonly IdentityCandidate[],
  stored: ReadonlyMap<string, StoredIdentity>,
  newId: () => string,
): IdAssignment {
  const ids: (string | null)[] = rows.map(() => null);
  // Most ids appear once: only the ones that repeat get a list of their rows.
  const firstRow = new Map<string, number>();
  const repeated = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const id = row.idCell;
    if (id === null) return;
    const first = firstRow.get(id);
    if (first === undefined) {
      firstRow.set(id, i);
      ids[i] = id;
    } else if (repeated.has(id)) pushTo(repeated, id, i);
    else repeated.set(id, [first, i]);
  });

  // A pasted copy is a new record that happens to carry another's id: it gets a fresh id and
  // never adopts a stored row, or it could take the place of a deal deleted in the same edit.
  const copies = new Set<number>();
  for (const [id, indexes] of repeated) {
    const known = stored.get(id);
    const keeper =
      (known && indexes.find((i) => rows[i]?.hash === known.hash)) ??
      (known && indexes.find((i) => rows[i]?.naturalKey() === known.naturalKey())) ??
      indexes[0];
    for (const i of indexes) {
      ids[i] = i === keeper ? id : null;
      if (i !== keeper) copies.add(i);
    }
  }

  const idless = rows.some((_, i) => ids[i] === null && !copies.has(i));
  // Which stored rows are taken matters only to rows that may adopt one: most syncs have none.
  const claimed = new Set(idless ? ids.filter((id): id is string => id !== null) : []);
  const unclaimedByHash = new Map<string, string[]>();
  const unclaimedByKey = new Map<string, string[]>();
  // Only rows without an id look for a stored row to adopt; most syncs have none.
  for (const [id, row] of idless ? stored : []) {
    if (row.removed || claimed.has(id)) continue;
    pushTo(unclaimedByHash, row.hash, id);
    const key = row.naturalKey();
    if (key !== '') pushTo(unclaimedByKey, key, id);
  }
  const adopt = (id: string): string => {
    claimed.add(id);
    return id;
  };
  rows.forEach((row, i) => {
    if (ids[i] !== null) return;
    if (copies.has(i)) {
      ids[i] = adopt(newId());
      return;
    }
    const byHash = unclaimedByHash.get(row.hash)?.find((id) => !claimed.has(id));
    // Natural keys are worth computing only when some unclaimed stored row could match one.
    const key = byHash === undefined && unclaimedByKey.size > 0 ? row.naturalKey() : '';
    const keyMatches = (unclaimedByKey.get(key) ?? []).filter((id) => !claimed.has(id));
    const byKey = key !== '' && keyMatches.length === 1 ? keyMatches[0] : undefined;
    ids[i] = adopt(byHash ?? byKey ?? newId());
  });
  return { ids: ids as string[], reissued: copies.size };
}
