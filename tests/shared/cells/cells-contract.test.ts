import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CellValue, ParseResult } from '../../../shared/cells/cell-value.ts';
import { parseAmount } from '../../../shared/cells/parse-amount.ts';
import { parseBall } from '../../../shared/cells/parse-ball.ts';
import { parseDate } from '../../../shared/cells/parse-date.ts';
import { parseProbability } from '../../../shared/cells/parse-probability.ts';
import { parseStage } from '../../../shared/cells/parse-stage.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings/sync-settings.ts';

interface ContractRow {
  readonly line: number;
  readonly kind: string;
  readonly raw: string;
  readonly expected: string;
  readonly note: string;
}

const FIXTURE = join(import.meta.dirname, '../../fixtures/cells.tsv');
const NUMBER_CELL = '#n:';
const NUMERIC_KINDS: ReadonlySet<string> = new Set(['amount', 'probability']);

// Split on tabs only: spaces around a raw value are part of the contract.
function readContract(): readonly ContractRow[] {
  return readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .map((text, i) => ({ text: text.replace(/\r$/u, ''), line: i + 1 }))
    .filter(({ text }) => text !== '' && !text.startsWith('#'))
    .map(({ text, line }) => {
      const [kind = '', raw = '', expected = '', note = ''] = text.split('\t');
      return { line, kind, raw, expected, note };
    });
}

const PARSERS: Readonly<Record<string, (cell: CellValue) => ParseResult<unknown>>> = {
  date: (cell) => parseDate(cell, DEFAULT_SETTINGS),
  amount: parseAmount,
  probability: (cell) => parseProbability(cell, DEFAULT_SETTINGS.probabilityRanks),
  stage: (cell) => parseStage(cell, DEFAULT_SETTINGS.stageLabels),
  ball: parseBall,
};

function cellOf(raw: string): CellValue {
  return raw.startsWith(NUMBER_CELL) ? Number(raw.slice(NUMBER_CELL.length)) : raw;
}

function valueOf(row: ContractRow): string | number {
  return NUMERIC_KINDS.has(row.kind) ? Number(row.expected) : row.expected;
}

const rows = readContract();

describe('cells.tsv', () => {
  it('holds the whole contract when loaded', () => {
    expect(rows.length).toBeGreaterThanOrEqual(90);
  });

  it.each(rows)('line $line: $kind "$raw" → $expected when read', (row) => {
    const parse = PARSERS[row.kind];
    if (parse === undefined) throw new Error(`unknown kind "${row.kind}" on line ${row.line}`);
    const result = parse(cellOf(row.raw));
    if (row.expected === 'error') expect(result.ok, JSON.stringify(result)).toBe(false);
    else if (row.expected === 'empty') expect(result).toEqual({ ok: true, value: null });
    else expect(result).toEqual({ ok: true, value: valueOf(row) });
  });
});
