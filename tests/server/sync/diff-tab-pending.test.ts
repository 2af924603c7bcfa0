import { describe, expect, it } from 'vitest';
import type { TabRow } from '../../../shared/rows/read-tab.ts';
import type { StoredIdentity } from '../../../server/sync/assign-row-ids.ts';
import { diffTab } from '../../../server/sync/diff-tab.ts';

const row = (sheetRow: number, idCell: string | null, hash: string): TabRow<'visits'> => ({ sheetRow, idCell, hash, record: {} as TabRow<'visits'>['record'], issues: [] });
const stored = (hash: string, removed = false): StoredIdentity => ({ hash, removed, naturalKey: () => `key-${hash}` });

describe('diffTab with rows born in the API', () => {
  const states = new Map<string, StoredIdentity>([
    ['sheet-1', stored('h1')],
    ['api-shown', stored('h2')],
    ['api-missing', stored('h3')],
    ['sheet-gone', stored('h4')],
    ['api-removed', stored('h5', true)],
  ]);
  let n = 0;
  const diff = diffTab([row(2, 'sheet-1', 'h1'), row(3, 'api-shown', 'h2')], states, (r) => `key-${r.hash}`, () => `new-${++n}`, new Set(['api-shown', 'api-missing']));

  it('tombstones a missing sheet row but never a pending one', () => {
    expect(diff.removedIds).toEqual(['sheet-gone']);
    expect(diff.pendingMissing).toEqual(['api-missing']);
  });

  it('reports the pending rows the sheet now shows', () => {
    expect(diff.pendingShown).toEqual(['api-shown']);
    expect(diff.rows.map((r) => r.change)).toEqual(['unchanged', 'unchanged']);
  });

  it('treats a pending row re-attached by its content (its id cell cleared) as shown', () => {
    const adopted = diffTab([row(2, null, 'h3')], new Map([['api-missing', stored('h3')]]), (r) => `key-${r.hash}`, () => 'new', new Set(['api-missing']));
    expect(adopted.rows.map((r) => r.id)).toEqual(['api-missing']);
    expect(adopted.pendingShown).toEqual(['api-missing']);
    expect(adopted.pendingMissing).toEqual([]);
  });

  it('behaves as before when nothing is pending', () => {
    const plain = diffTab([row(2, 'sheet-1', 'h1')], states, (r) => `key-${r.hash}`, () => 'new');
    expect(plain.removedIds).toEqual(['api-shown', 'api-missing', 'sheet-gone']);
    expect(plain.pendingMissing).toEqual([]);
    expect(plain.pendingShown).toEqual([]);
  });
});
