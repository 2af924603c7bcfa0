// The handful of spreadsheet functions the stand-in evaluates; any other name is #NAME?.

import { err, flatten, FormulaError, numbersOf, scalar, toNumber, toText } from './formula-values.ts';
import type { Computed, Value } from './formula-values.ts';

export function callFunction(name: string, args: Value[]): Computed {
  const upper = name.toUpperCase();
  const nums = (): number[] | FormulaError => numbersOf(args);
  switch (upper) {
    case 'SUM': {
      const n = nums();
      return n instanceof FormulaError ? n : n.reduce((a, b) => a + b, 0);
    }
    case 'AVERAGE': {
      const n = nums();
      if (n instanceof FormulaError) return n;
      return n.length === 0 ? err.div0() : n.reduce((a, b) => a + b, 0) / n.length;
    }
    case 'MIN':
    case 'MAX': {
      const n = nums();
      if (n instanceof FormulaError) return n;
      return n.length === 0 ? 0 : upper === 'MIN' ? Math.min(...n) : Math.max(...n);
    }
    case 'COUNT':
      return flatten(args).filter((v) => typeof v === 'number').length;
    case 'COUNTA':
      return flatten(args).filter((v) => v !== undefined && v !== '').length;
    case 'IF': {
      const condition = scalar(args[0]);
      if (condition instanceof FormulaError) return condition;
      const truthy = typeof condition === 'string' ? condition !== '' : Boolean(condition);
      return scalar(truthy ? args[1] : args[2]) ?? (truthy || args.length > 2 ? '' : false);
    }
    case 'IFERROR': {
      const value = scalar(args[0]);
      return value instanceof FormulaError ? (scalar(args[1]) ?? '') : value;
    }
    case 'AND':
    case 'OR': {
      const values = flatten(args).filter((v) => v !== undefined);
      const bools = values.map((v) => (v instanceof FormulaError ? v : Boolean(toNumber(v))));
      const failure = bools.find((b): b is FormulaError => b instanceof FormulaError);
      if (failure !== undefined) return failure;
      return upper === 'AND' ? bools.every(Boolean) : bools.some(Boolean);
    }
    case 'NOT': {
      const n = toNumber(scalar(args[0]));
      return n instanceof FormulaError ? n : n === 0;
    }
    case 'CONCATENATE':
    case 'CONCAT': {
      let out = '';
      for (const v of flatten(args)) {
        const t = toText(v);
        if (t instanceof FormulaError) return t;
        out += t;
      }
      return out;
    }
    case 'LEN':
    case 'UPPER':
    case 'LOWER':
    case 'TRIM': {
      const t = toText(scalar(args[0]));
      if (t instanceof FormulaError) return t;
      if (upper === 'LEN') return t.length;
      if (upper === 'UPPER') return t.toUpperCase();
      if (upper === 'LOWER') return t.toLowerCase();
      return t.trim().replace(/\s+/g, ' ');
    }
    case 'ROUND': {
      const n = toNumber(scalar(args[0]));
      const places = args.length > 1 ? toNumber(scalar(args[1])) : 0;
      if (n instanceof FormulaError) return n;
      if (places instanceof FormulaError) return places;
      const factor = 10 ** places;
      return Math.round(n * factor) / factor;
    }
    case 'ABS': {
      const n = toNumber(scalar(args[0]));
      return n instanceof FormulaError ? n : Math.abs(n);
    }
    case 'TRUE':
      return true;
    case 'FALSE':
      return false;
    default:
      return err.name(name);
  }
}
