// Values inside formula evaluation: error values, coercions and comparisons.

import type { Scalar } from './spreadsheet-model.ts';
import { generalNumber } from './number-format.ts';

export class FormulaError {
  readonly code: string;
  readonly message: string;
  constructor(code: string, message: string) {
    this.code = code;
    this.message = message;
  }
}

/** A cell's computed value: empty cells are undefined. */
export type Computed = Scalar | FormulaError | undefined;

/** A function argument: one value, or every cell of a range. */
export type Value = Computed | Computed[];

export const err = {
  name: (name: string) => new FormulaError('#NAME?', `Unknown function: '${name}'.`),
  value: () => new FormulaError('#VALUE!', 'Function expects a number value.'),
  div0: () => new FormulaError('#DIV/0!', 'Function DIVIDE parameter 2 cannot be zero.'),
  parse: () => new FormulaError('#ERROR!', 'Formula parse error.'),
  ref: () => new FormulaError('#REF!', 'Unresolved sheet name.'),
  na: () => new FormulaError('#N/A', 'Wrong number of arguments.'),
};

export function toNumber(value: Computed): number | FormulaError {
  if (value instanceof FormulaError) return value;
  if (value === undefined || value === '') return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const n = Number(value.trim());
  return value.trim() !== '' && Number.isFinite(n) ? n : err.value();
}

export function toText(value: Computed): string | FormulaError {
  if (value instanceof FormulaError) return value;
  if (value === undefined) return '';
  if (typeof value === 'number') return generalNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

export function scalar(value: Value): Computed {
  return Array.isArray(value) ? value[0] : value;
}

export function flatten(args: Value[]): Computed[] {
  return args.flatMap((a) => (Array.isArray(a) ? a : [a]));
}

export function compare(op: string, a: Computed, b: Computed): boolean {
  const left = a ?? '';
  const right = b ?? '';
  let order: number;
  if (typeof left === 'number' && typeof right === 'number') order = left - right;
  else if (typeof left === 'string' && typeof right === 'string') order = left.toLowerCase().localeCompare(right.toLowerCase());
  else order = String(left) === String(right) ? 0 : typeof left === 'number' ? -1 : 1;
  switch (op) {
    case '=':
      return order === 0;
    case '<>':
      return order !== 0;
    case '<':
      return order < 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    default:
      return order >= 0;
  }
}

export function numbersOf(args: Value[]): number[] | FormulaError {
  const out: number[] = [];
  for (const arg of args) {
    if (Array.isArray(arg)) {
      for (const v of arg) {
        if (v instanceof FormulaError) return v;
        if (typeof v === 'number') out.push(v);
      }
    } else {
      const n = toNumber(arg);
      if (n instanceof FormulaError) return n;
      out.push(n);
    }
  }
  return out;
}
