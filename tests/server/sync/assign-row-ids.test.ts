import { describe, expect, it } from 'vitest';
import { assignRowIds, type IdentityCandidate, type StoredIdentity } from '../../../server/sync/assign-row-ids.ts';

/** A sheet row: its id cell, its content hash and its natural key. */
const row = (idCell: string | null, hash: string, key = ''): IdentityCandidate => ({
  idCell,
  hash,
  naturalKey: () => key,
});

/** A stored row, live unless told otherwise. */
const stored = (hash: string, key = '', removed = false): StoredIdentity => ({
  hash,
  naturalKey: () => key,
  removed,
});

/** new-1, new-2, … in the order they are asked for. */
function counter(): () => string {
  let n = 0;
  return () => `new-${++n}`;
}

/** Natural keys that count how often they are computed. */
function countingKeys(): { calls: () => number; key: (value: string) => () => string } {
  let calls = 0;
  return {
    calls: () => calls,
    key: (value) => () => {
      calls++;
      return value;
    },
  };
}

describe('assignRowIds', () => {
  describe('rows that carry an id', () => {
    it('keeps every id when each appears once', () => {
      const db = new Map([['a', stored('h-a')]]);
      const result = assignRowIds([row('a', 'edited'), row('b', 'h-b'), row('typed-by-hand', 'h-x')], db, counter());
      expect(result).toEqual({ ids: ['a', 'b', 'typed-by-hand'], reissued: 0 });
    });

    it('keeps the id when the stored row was removed and the row comes back', () => {
      const db = new Map([['a', stored('h-a', 'k', true)]]);
      expect(assignRowIds([row('a', 'h-a', 'k')], db, counter()).ids).toEqual(['a']);
    });

    it.each<[string, IdentityCandidate[], string[]]>([
      ['the later row matches the stored hash', [row('a', 'copy', 'acme|renewal'), row('a', 'h-a', 'other')], ['new-1', 'a']],
      ['no row matches the hash but the later one matches the natural key', [row('a', 'x', 'other'), row('a', 'y', 'acme|renewal')], ['new-1', 'a']],
      ['the hash match wins over an earlier natural-key match', [row('a', 'x', 'acme|renewal'), row('a', 'h-a', 'other')], ['new-1', 'a']],
      ['neither hash nor natural key matches', [row('a', 'x', 'other'), row('a', 'y', 'more')], ['a', 'new-1']],
      ['both copies match the hash', [row('a', 'h-a', 'acme|renewal'), row('a', 'h-a', 'acme|renewal')], ['a', 'new-1']],
    ])('gives a repeated id to the right row when %s', (_, rows, ids) => {
      const db = new Map([['a', stored('h-a', 'acme|renewal')]]);
      expect(assignRowIds(rows, db, counter())).toEqual({ ids, reissued: 1 });
    });

    it('keeps a repeated id on the first row when the id is not stored', () => {
      const result = assignRowIds([row('z', 'h1'), row('z', 'h2'), row('z', 'h3')], new Map(), counter());
      expect(result).toEqual({ ids: ['z', 'new-1', 'new-2'], reissued: 2 });
    });

    it('counts every reissued copy across several repeated ids', () => {
      const db = new Map([
        ['a', stored('h-a')],
        ['b', stored('h-b')],
      ]);
      const rows = [row('a', 'x'), row('b', 'h-b'), row('a', 'h-a'), row('b', 'y'), row('a', 'z')];
      expect(assignRowIds(rows, db, counter())).toEqual({ ids: ['new-1', 'b', 'a', 'new-2', 'new-3'], reissued: 3 });
    });

    it('never lets a pasted copy adopt a stored row when the copy matches its hash', () => {
      const db = new Map([
        ['a', stored('h-a')],
        ['gone', stored('h-gone')],
      ]);
      const result = assignRowIds([row('a', 'h-a'), row('a', 'h-gone')], db, counter());
      expect(result).toEqual({ ids: ['a', 'new-1'], reissued: 1 });
    });

    it.each<[string, IdentityCandidate]>([
      ['its hash', row('a', 'h-gone', 'other')],
      ['its natural key', row('a', 'edited', 'beta|new')],
    ])('never lets a pasted copy adopt a stored row matching %s when an id-less row looks for one too', (_, copy) => {
      const db = new Map([
        ['a', stored('h-a', 'acme|renewal')],
        ['gone', stored('h-gone', 'beta|new')],
      ]);
      const result = assignRowIds([row('a', 'h-a', 'acme|renewal'), copy, row(null, 'brand-new', 'gamma|new')], db, counter());
      expect(result).toEqual({ ids: ['a', 'new-1', 'new-2'], reissued: 1 });
    });

    it('never lets a pasted copy adopt a stored row when the copy matches its natural key', () => {
      const db = new Map([
        ['a', stored('h-a', 'acme|renewal')],
        ['gone', stored('h-gone', 'beta|new')],
      ]);
      const result = assignRowIds([row('a', 'h-a', 'acme|renewal'), row('a', 'edited', 'beta|new')], db, counter());
      expect(result).toEqual({ ids: ['a', 'new-1'], reissued: 1 });
    });
  });

  describe('rows without an id', () => {
    it('adopts an unclaimed live stored row with the same hash when the id cell was cleared', () => {
      const db = new Map([
        ['a', stored('h-a', 'k-a')],
        ['b', stored('h-b', 'k-b')],
      ]);
      const result = assignRowIds([row('a', 'h-a', 'k-a'), row(null, 'h-b', 'other')], db, counter());
      expect(result).toEqual({ ids: ['a', 'b'], reissued: 0 });
    });

    it('adopts by hash before a natural-key match on another stored row', () => {
      const db = new Map([
        ['by-key', stored('h-1', 'acme|renewal')],
        ['by-hash', stored('h-2', 'other')],
      ]);
      expect(assignRowIds([row(null, 'h-2', 'acme|renewal')], db, counter()).ids).toEqual(['by-hash']);
    });

    it('adopts a stored row only once when two id-less rows share its hash', () => {
      const db = new Map([['a', stored('h-a')]]);
      expect(assignRowIds([row(null, 'h-a'), row(null, 'h-a')], db, counter()).ids).toEqual(['a', 'new-1']);
    });

    it('adopts each of two stored rows with the same hash once', () => {
      const db = new Map([
        ['a', stored('same')],
        ['b', stored('same')],
      ]);
      expect(assignRowIds([row(null, 'same'), row(null, 'same'), row(null, 'same')], db, counter()).ids).toEqual(['a', 'b', 'new-1']);
    });

    it('adopts an unclaimed stored row by its natural key when the content was edited', () => {
      const db = new Map([['a', stored('h-a', 'acme|renewal')]]);
      expect(assignRowIds([row(null, 'edited', 'acme|renewal')], db, counter()).ids).toEqual(['a']);
    });

    it('adopts by natural key only once when two id-less rows share the key', () => {
      const db = new Map([['a', stored('h-a', 'acme|renewal')]]);
      const rows = [row(null, 'x', 'acme|renewal'), row(null, 'y', 'acme|renewal')];
      expect(assignRowIds(rows, db, counter()).ids).toEqual(['a', 'new-1']);
    });

    it.each<[string, Map<string, StoredIdentity>, IdentityCandidate[], string[]]>([
      [
        'two stored rows share the natural key',
        new Map([
          ['a', stored('h-a', 'acme|renewal')],
          ['b', stored('h-b', 'acme|renewal')],
        ]),
        [row(null, 'edited', 'acme|renewal')],
        ['new-1'],
      ],
      ['the stored row was removed (by key)', new Map([['a', stored('h-a', 'acme|renewal', true)]]), [row(null, 'edited', 'acme|renewal')], ['new-1']],
      ['the stored row was removed (by hash)', new Map([['a', stored('h-a', 'acme|renewal', true)]]), [row(null, 'h-a', 'other')], ['new-1']],
      ['a sheet row claims the stored row (by key)', new Map([['a', stored('h-a', 'acme|renewal')]]), [row('a', 'h-a', 'x'), row(null, 'edited', 'acme|renewal')], ['a', 'new-1']],
      ['a sheet row claims the stored row (by hash)', new Map([['a', stored('h-a', 'acme|renewal')]]), [row('a', 'edited', 'x'), row(null, 'h-a', 'other')], ['a', 'new-1']],
      ['the natural keys are empty', new Map([['a', stored('h-a', '')]]), [row(null, 'edited', '')], ['new-1']],
      ['nothing matches', new Map([['a', stored('h-a', 'acme|renewal')]]), [row(null, 'edited', 'beta|new')], ['new-1']],
    ])('gets a new id when %s', (_, db, rows, ids) => {
      expect(assignRowIds(rows, db, counter())).toEqual({ ids, reissued: 0 });
    });

    it('hands out new ids in row order when new rows and pasted copies interleave', () => {
      const db = new Map([['a', stored('h-a')]]);
      const rows = [row(null, 'n1'), row('a', 'h-a'), row('a', 'copy'), row(null, 'n2'), row('c', 'h-c'), row(null, 'n3')];
      const asked: string[] = [];
      const ids = ['first', 'second', 'third', 'fourth'];
      const newId = (): string => {
        const id = ids[asked.length] ?? 'too-many';
        asked.push(id);
        return id;
      };
      expect(assignRowIds(rows, db, newId)).toEqual({ ids: ['first', 'a', 'second', 'third', 'c', 'fourth'], reissued: 1 });
      expect(asked).toHaveLength(4);
    });

    it('asks for no new id when every row keeps or adopts one', () => {
      const db = new Map([['a', stored('h-a')]]);
      let asked = 0;
      assignRowIds([row('b', 'h-b'), row(null, 'h-a')], db, () => `n${++asked}`);
      expect(asked).toBe(0);
    });
  });

  describe('natural keys', () => {
    it('computes none when every row carries its own id', () => {
      const keys = countingKeys();
      const db = new Map<string, StoredIdentity>([
        ['a', { hash: 'h-a', removed: false, naturalKey: keys.key('k-a') }],
        ['gone', { hash: 'h-gone', removed: false, naturalKey: keys.key('k-gone') }],
      ]);
      const rows: IdentityCandidate[] = [{ idCell: 'a', hash: 'edited', naturalKey: keys.key('k-a') }];
      expect(assignRowIds(rows, db, counter()).ids).toEqual(['a']);
      expect(keys.calls()).toBe(0);
    });

    it('computes none for pasted copies when the keeper matches by hash', () => {
      const keys = countingKeys();
      const db = new Map<string, StoredIdentity>([
        ['a', { hash: 'h-a', removed: false, naturalKey: keys.key('k-a') }],
        ['gone', { hash: 'h-gone', removed: false, naturalKey: keys.key('k-gone') }],
      ]);
      const rows: IdentityCandidate[] = [
        { idCell: 'a', hash: 'h-a', naturalKey: keys.key('k-a') },
        { idCell: 'a', hash: 'copy', naturalKey: keys.key('k-gone') },
      ];
      expect(assignRowIds(rows, db, counter())).toEqual({ ids: ['a', 'new-1'], reissued: 1 });
      expect(keys.calls()).toBe(0);
    });

    it('computes none when every stored row is claimed or removed', () => {
      const keys = countingKeys();
      const db = new Map<string, StoredIdentity>([
        ['a', { hash: 'h-a', removed: false, naturalKey: keys.key('k') }],
        ['gone', { hash: 'h-gone', removed: true, naturalKey: keys.key('k') }],
      ]);
      const rows: IdentityCandidate[] = [
        { idCell: 'a', hash: 'h-a', naturalKey: keys.key('k') },
        { idCell: null, hash: 'new', naturalKey: keys.key('k') },
      ];
      expect(assignRowIds(rows, db, counter()).ids).toEqual(['a', 'new-1']);
      expect(keys.calls()).toBe(0);
    });

    it('computes none for an id-less row that adopts by hash', () => {
      const keys = countingKeys();
      const db = new Map<string, StoredIdentity>([['a', { hash: 'h-a', removed: false, naturalKey: () => 'k-a' }]]);
      const rows: IdentityCandidate[] = [{ idCell: null, hash: 'h-a', naturalKey: keys.key('k-a') }];
      expect(assignRowIds(rows, db, counter()).ids).toEqual(['a']);
      expect(keys.calls()).toBe(0);
    });

    it('computes each unclaimed stored key and the id-less row key once when one could match', () => {
      const keys = countingKeys();
      const db = new Map<string, StoredIdentity>([
        ['a', { hash: 'h-a', removed: false, naturalKey: keys.key('k-a') }],
        ['b', { hash: 'h-b', removed: false, naturalKey: keys.key('k-b') }],
        ['claimed', { hash: 'h-c', removed: false, naturalKey: keys.key('k-c') }],
        ['removed', { hash: 'h-r', removed: true, naturalKey: keys.key('k-r') }],
      ]);
      const rows: IdentityCandidate[] = [
        { idCell: 'claimed', hash: 'h-c', naturalKey: keys.key('k-c') },
        { idCell: null, hash: 'edited', naturalKey: keys.key('k-b') },
      ];
      expect(assignRowIds(rows, db, counter()).ids).toEqual(['claimed', 'b']);
      expect(keys.calls()).toBe(3);
    });
  });
});
