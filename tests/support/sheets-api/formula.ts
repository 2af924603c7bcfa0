// A deliberately small formula evaluator: literals, references, + - * / ^ & comparisons and a
// handful of functions. Anything else evaluates to an error value, as Sheets shows it.

import { columnIndex } from './a1-notation.ts';
import { callFunction } from './formula-functions.ts';
import { compare, err, FormulaError, scalar, toNumber, toText } from './formula-values.ts';
import type { Computed, Value } from './formula-values.ts';

export interface CellRef {
  sheetTitle: string | null;
  row: number | null;
  column: number | null;
}

export interface FormulaContext {
  cell(sheetTitle: string | null, row: number, column: number): Computed;
  /** Every cell of a (possibly open-ended) range, row by row; null when the sheet is unknown. */
  range(start: CellRef, end: CellRef): Computed[] | null;
}

const TOKEN =
  /\s*(?:("(?:[^"]|"")*")|((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?[A-Za-z]{1,3}\$?[0-9]+|\$?[A-Za-z]{1,3}(?=\s*:)|\$?[0-9]+(?=\s*:))|([0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)|([A-Za-z_][A-Za-z0-9_.]*)|(<>|<=|>=|[-+*/^&=<>(),:%]))/y;

interface Token {
  kind: 'string' | 'ref' | 'number' | 'name' | 'op';
  text: string;
  sheet?: string | null;
}

function tokenize(source: string): Token[] | null {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < source.length) {
    if (/^\s*$/.test(source.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(source);
    if (m === null) return null;
    pos = TOKEN.lastIndex;
    const [, str, sheet, ref, num, name, op] = m;
    if (str !== undefined) tokens.push({ kind: 'string', text: str.slice(1, -1).replaceAll('""', '"') });
    else if (ref !== undefined) {
      const title = sheet === undefined ? null : sheet.slice(0, -1).replace(/^'(.*)'$/, (_, t: string) => t.replaceAll("''", "'"));
      tokens.push({ kind: 'ref', text: ref.replaceAll('$', ''), sheet: title });
    } else if (num !== undefined) tokens.push({ kind: 'number', text: num });
    else if (name !== undefined) tokens.push({ kind: 'name', text: name });
    else if (op !== undefined) tokens.push({ kind: 'op', text: op });
  }
  return tokens;
}

function parseRef(text: string, sheetTitle: string | null): CellRef {
  const m = /^([A-Za-z]{0,3})([0-9]*)$/.exec(text);
  const letters = m?.[1] ?? '';
  const digits = m?.[2] ?? '';
  return {
    sheetTitle,
    column: letters === '' ? null : columnIndex(letters),
    row: digits === '' ? null : Number(digits) - 1,
  };
}

/** Evaluates `=…` formula text; never throws. */
export function evaluateFormula(formula: string, context: FormulaContext): Computed {
  const tokens = tokenize(formula.startsWith('=') ? formula.slice(1) : formula);
  if (tokens === null || tokens.length === 0) return err.parse();
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (text: string): boolean => peek()?.kind === 'op' && peek()?.text === text;
  class ParseFailure extends Error {}
  const fail = (): never => {
    throw new ParseFailure();
  };

  const binary = (next: () => Value, ops: readonly string[], apply: (op: string, a: Computed, b: Computed) => Computed) => (): Value => {
    let left = next();
    while (peek()?.kind === 'op' && ops.includes(peek()?.text ?? '')) {
      const op = tokens[pos++]?.text ?? '';
      const right = next();
      const a = scalar(left);
      const b = scalar(right);
      if (a instanceof FormulaError) return a;
      if (b instanceof FormulaError) return b;
      left = apply(op, a, b);
    }
    return left;
  };

  const arithmetic = (op: string, a: Computed, b: Computed): Computed => {
    const x = toNumber(a);
    const y = toNumber(b);
    if (x instanceof FormulaError) return x;
    if (y instanceof FormulaError) return y;
    if (op === '+') return x + y;
    if (op === '-') return x - y;
    if (op === '*') return x * y;
    if (op === '^') return x ** y;
    return y === 0 ? err.div0() : x / y;
  };

  const primary = (): Value => {
    const token = tokens[pos++];
    if (token === undefined) return fail();
    if (token.kind === 'number') return Number(token.text);
    if (token.kind === 'string') return token.text;
    if (token.kind === 'op' && token.text === '(') {
      const value = comparison();
      if (!isOp(')')) fail();
      pos++;
      return value;
    }
    if (token.kind === 'op' && (token.text === '-' || token.text === '+')) {
      const value = toNumber(scalar(postfix()));
      if (value instanceof FormulaError) return value;
      return token.text === '-' ? -value : value;
    }
    if (token.kind === 'ref') {
      const start = parseRef(token.text, token.sheet ?? null);
      if (isOp(':')) {
        pos++;
        const endToken = tokens[pos++];
        const endText = endToken?.text.replaceAll('$', '') ?? '';
        if (endToken?.kind === 'op' || endToken?.kind === 'string' || !/^[A-Za-z]{0,3}[0-9]*$/.test(endText)) return fail();
        const end = parseRef(endText, start.sheetTitle);
        return context.range(start, end) ?? err.ref();
      }
      if (start.row === null || start.column === null) return fail();
      return context.cell(start.sheetTitle, start.row, start.column);
    }
    if (token.kind === 'name') {
      if (!isOp('(')) {
        const upper = token.text.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
        return err.name(token.text);
      }
      pos++;
      const args: Value[] = [];
      if (!isOp(')')) {
        for (;;) {
          args.push(comparison());
          if (isOp(',')) {
            pos++;
            continue;
          }
          break;
        }
      }
      if (!isOp(')')) fail();
      pos++;
      return callFunction(token.text, args);
    }
    return fail();
  };

  const postfix = (): Value => {
    let value = primary();
    while (isOp('%')) {
      pos++;
      const n = toNumber(scalar(value));
      value = n instanceof FormulaError ? n : n / 100;
    }
    return value;
  };
  const power = binary(postfix, ['^'], arithmetic);
  const product = binary(power, ['*', '/'], arithmetic);
  const sum = binary(product, ['+', '-'], arithmetic);
  const concat = binary(sum, ['&'], (_op, a, b) => {
    const x = toText(a);
    const y = toText(b);
    if (x instanceof FormulaError) return x;
    if (y instanceof FormulaError) return y;
    return x + y;
  });
  const comparison = binary(concat, ['=', '<>', '<', '>', '<=', '>='], (op, a, b) => compare(op, a, b));

  try {
    const value = comparison();
    if (pos !== tokens.length) return err.parse();
    return scalar(value) ?? 0;
  } catch (error) {
    if (error instanceof ParseFailure) return err.parse();
    throw error;
  }
}
