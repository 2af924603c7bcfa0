import type { FieldOf, TabKind } from '../records/tab-kind.ts';
import { FIELD_SYNONYMS } from './field-synonyms.ts';
import { normalizeHeader } from './normalize-header.ts';

interface Candidate<F extends string> {
  readonly field: F;
  readonly column: number;
  /** Lower is stronger: exact matches by synonym order, then containment. */
  readonly rank: number;
}

// A header such as 見積金額（税抜・円） still names 見積金額; a long note that merely mentions
// a word does not, hence the slack limit.
const CONTAINS_SLACK = 6;

const normalizedTables = new Map<TabKind, ReadonlyArray<readonly [string, readonly string[]]>>();

function normalizedSynonyms(kind: TabKind): ReadonlyArray<readonly [string, readonly string[]]> {
  let table = normalizedTables.get(kind);
  if (table === undefined) {
    table = Object.entries(FIELD_SYNONYMS[kind]).map(
      ([field, synonyms]) => [field, (synonyms as readonly string[]).map(normalizeHeader)] as const,
    );
    normalizedTables.set(kind, table);
  }
  return table;
}

function candidatesFor<K extends TabKind>(kind: K, column: number, header: string): Candidate<FieldOf<K>>[] {
  const norm = normalizeHeader(header);
  if (norm === '') return [];
  const out: Candidate<FieldOf<K>>[] = [];
  for (const [field, synonyms] of normalizedSynonyms(kind)) {
    let best = Infinity;
    synonyms.forEach((syn, index) => {
      if (syn === norm) best = Math.min(best, index);
      else if (syn.length >= 2 && norm.includes(syn) && norm.length <= syn.length + CONTAINS_SLACK) {
        // Longer contained synonyms are more specific: 次回アクション日 beats 次回アクション.
        best = Math.min(best, 1000 - syn.length * 10 + index / 100);
      }
    });
    if (best !== Infinity) out.push({ field: field as FieldOf<K>, column, rank: best });
  }
  return out;
}

/**
 * Maps a header row onto a kind's fields. Each field takes at most one column and each column
 * at most one field; stronger matches claim first, and on a tie the leftmost column wins.
 * `skip` lists columns that must not be mapped (service columns, columns given explicitly).
 */
export function matchHeaders<K extends TabKind>(
  kind: K,
  headers: readonly string[],
  skip: ReadonlySet<number> = new Set(),
  taken: ReadonlySet<FieldOf<K>> = new Set(),
): Partial<Record<FieldOf<K>, number>> {
  const candidates: Candidate<FieldOf<K>>[] = [];
  headers.forEach((header, i) => {
    const column = i + 1;
    if (!skip.has(column)) candidates.push(...candidatesFor(kind, column, header));
  });
  candidates.sort((a, b) => a.rank - b.rank || a.column - b.column);
  const fields: Partial<Record<FieldOf<K>, number>> = {};
  const usedColumns = new Set<number>();
  for (const c of candidates) {
    if (fields[c.field] !== undefined || taken.has(c.field) || usedColumns.has(c.column)) continue;
    fields[c.field] = c.column;
    usedColumns.add(c.column);
  }
  return fields;
}

/** How many distinct cells of a row look like a header of any kind: how header-like the row is. */
export function headerScore(cells: readonly string[]): number {
  let score = 0;
  cells.forEach((cell, i) => {
    if (cell.length > 40) return;
    for (const kind of Object.keys(FIELD_SYNONYMS) as TabKind[]) {
      if (candidatesFor(kind, i + 1, cell).some((c) => c.rank < 1000)) {
        score++;
        return;
      }
    }
  });
  return score;
}
