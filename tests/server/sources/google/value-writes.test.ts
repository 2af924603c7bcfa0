import { describe, expect, it } from 'vitest';
import { valueWriteBatches } from '../../../../server/sources/google/value-writes.ts';
import type { CellWrite } from '../../../../shared/write-plan/write-plan.ts';

const bytes = (body: unknown) => Buffer.byteLength(JSON.stringify(body), 'utf8');

describe('valueWriteBatches', () => {
  it('groups each column’s consecutive rows into one COLUMNS-major range, RAW', () => {
    const writes: CellWrite[] = [
      { row: 2, column: 5, value: 'd1' },
      { row: 2, column: 7, value: 3 },
      { row: 3, column: 5, value: 'd2' },
      { row: 3, column: 7, value: 4 },
      { row: 5, column: 5, value: 'd4' },
    ];
    expect(valueWriteBatches([{ sheet: '案件', writes }], 2_000_000)).toEqual([
      {
        valueInputOption: 'RAW',
        data: [
          { range: "'案件'!E2:E3", majorDimension: 'COLUMNS', values: [['d1', 'd2']] },
          { range: "'案件'!E5", majorDimension: 'COLUMNS', values: [['d4']] },
          { range: "'案件'!G2:G3", majorDimension: 'COLUMNS', values: [[3, 4]] },
        ],
      },
    ]);
  });

  it('writes "" for the plan’s null, since a JSON null leaves a Sheets cell unchanged', () => {
    const [body] = valueWriteBatches([{ sheet: 'S', writes: [{ row: 4, column: 1, value: null }, { row: 5, column: 1, value: 0 }] }], 2_000_000);
    expect(body?.data?.[0]?.values).toEqual([['', 0]]);
  });

  it('quotes sheet titles, doubling their quotes', () => {
    const [body] = valueWriteBatches([{ sheet: "Bob's deals", writes: [{ row: 1, column: 28, value: 'x' }] }], 2_000_000);
    expect(body?.data?.[0]?.range).toBe("'Bob''s deals'!AB1");
  });

  it('sorts rows and keeps the later of two writes to one cell', () => {
    const writes: CellWrite[] = [
      { row: 4, column: 2, value: 'b' },
      { row: 3, column: 2, value: 'a' },
      { row: 4, column: 2, value: 'c' },
    ];
    const [body] = valueWriteBatches([{ sheet: 'S', writes }], 2_000_000);
    expect(body?.data).toEqual([{ range: "'S'!B3:B4", majorDimension: 'COLUMNS', values: [['a', 'c']] }]);
  });

  it('keeps each tab’s ranges apart', () => {
    const bodies = valueWriteBatches(
      [
        { sheet: '案件', writes: [{ row: 2, column: 1, value: 'x' }] },
        { sheet: '訪問記録', writes: [{ row: 2, column: 1, value: 'y' }] },
      ],
      2_000_000,
    );
    expect(bodies.flatMap((b) => b.data?.map((d) => d.range))).toEqual(["'案件'!A2", "'訪問記録'!A2"]);
  });

  it('returns no body when there is nothing to write', () => {
    expect(valueWriteBatches([{ sheet: 'S', writes: [] }], 2_000_000)).toEqual([]);
  });

  it('refuses a number a cell cannot hold before anything is sent', () => {
    expect(() => valueWriteBatches([{ sheet: 'S', writes: [{ row: 1, column: 1, value: Number.NaN }] }], 2_000_000)).toThrow(/NaN/);
  });

  it.each([300, 1000, 2000])('splits a long run across bodies of at most %i bytes, losing no cell', (maxBytes) => {
    const writes: CellWrite[] = [];
    for (let row = 2; row <= 400; row++) writes.push({ row, column: 10, value: row % 3 === 0 ? `停滞 ${row}` : row });
    for (let row = 2; row <= 50; row++) writes.push({ row, column: 11, value: null });
    const bodies = valueWriteBatches([{ sheet: '案件', writes }], maxBytes);
    expect(bodies.length).toBeGreaterThan(1);
    for (const body of bodies) expect(bytes(body)).toBeLessThanOrEqual(maxBytes);
    // Reassembled, the ranges hold every write once, in order.
    const cells: [string, unknown][] = [];
    for (const body of bodies) {
      for (const range of body.data ?? []) {
        const m = /^'案件'!([A-Z]+)(\d+)(?::[A-Z]+(\d+))?$/.exec(range.range ?? '');
        expect(m).not.toBeNull();
        const [, letter = '', first = '', last = first] = m ?? [];
        const values = range.values?.[0] ?? [];
        expect(values).toHaveLength(Number(last) - Number(first) + 1);
        values.forEach((v: unknown, i: number) => cells.push([`${letter}${Number(first) + i}`, v]));
      }
    }
    expect(cells).toEqual(writes.map((w) => [`${w.column === 10 ? 'J' : 'K'}${w.row}`, w.value ?? '']));
  });

  it('sends a single cell larger than the limit alone rather than drop it', () => {
    const big = 'x'.repeat(500);
    const bodies = valueWriteBatches([{ sheet: 'S', writes: [{ row: 1, column: 1, value: 'a' }, { row: 3, column: 1, value: big }] }], 200);
    expect(bodies.map((b) => b.data?.map((d) => d.values))).toEqual([[[['a']]], [[[big]]]]);
  });

  it('encodes 100k rows of six columns quickly, in few bodies under 2 MB', () => {
    const writes: CellWrite[] = [];
    for (let row = 2; row <= 100_001; row++) {
      writes.push(
        { row, column: 7, value: `0b7c2f3e-4a51-4c8e-9d1a-${String(row).padStart(12, '0')}` },
        { row, column: 8, value: 45000 + (row % 300) },
        { row, column: 9, value: row % 90 },
        { row, column: 10, value: row % 7 === 0 ? null : row % 40 },
        { row, column: 11, value: row % 5 === 0 ? '停滞' : '' },
        { row, column: 12, value: row % 5 === 0 ? '提案 に 40 日(目安 21 日)' : '' },
      );
    }
    const started = performance.now();
    const bodies = valueWriteBatches([{ sheet: '案件', writes }], 2_000_000);
    const elapsed = performance.now() - started;
    const sizes = bodies.map(bytes);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2_000_000);
    // Greedy packing wastes at most a range frame per body.
    expect(bodies.length).toBeLessThanOrEqual(Math.ceil(sizes.reduce((a, b) => a + b, 0) / 2_000_000) + 1);
    expect(bodies.flatMap((b) => b.data ?? []).reduce((n, d) => n + (d.values?.[0]?.length ?? 0), 0)).toBe(600_000);
    expect(elapsed).toBeLessThan(3000);
  });
});
