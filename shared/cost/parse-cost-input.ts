import type { CostInput } from './cost-estimate.ts';

// More lines than any real request has; bounds the work an untrusted body can cause.
export const MAX_COST_LINES = 50;

type Problems = string[];
type Entry = Record<string, unknown>;

const isRecord = (v: unknown): v is Entry => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses an untrusted JSON object into a CostInput, with problems named by path. Checks shape and
 * types only (numbers must be JSON numbers); ranges and roles are estimateCost's to judge. Missing
 * lists are empty, a missing discount is 0 and a missing recurring cost is none.
 */
export function parseCostInput(value: unknown): { ok: true; input: CostInput } | { ok: false; problems: string[] } {
  if (!isRecord(value)) return { ok: false, problems: ['cost: an object { hours, directCosts, discount, recurring }'] };
  const problems: Problems = [];
  unknownKeys(value, ['hours', 'directCosts', 'discount', 'recurring'], '', problems);
  const hours = listOf(value.hours, 'hours', problems, (e, path) => {
    unknownKeys(e, ['role', 'hours'], path, problems);
    const role = text(e.role, `${path}.role`, problems);
    const h = num(e.hours, `${path}.hours`, problems);
    return role === null || h === null ? null : { role, hours: h };
  });
  const directCosts = listOf(value.directCosts, 'directCosts', problems, (e, path) => {
    unknownKeys(e, ['label', 'amount'], path, problems);
    const label = text(e.label, `${path}.label`, problems);
    const amount = num(e.amount, `${path}.amount`, problems);
    return label === null || amount === null ? null : { label, amount };
  });
  const discount = value.discount === undefined || value.discount === null ? 0 : num(value.discount, 'discount', problems);
  const recurring = recurringOf(value.recurring, problems);
  if (problems.length > 0 || discount === null || recurring === undefined) return { ok: false, problems };
  return { ok: true, input: { hours, directCosts, discount, recurring } };
}

function recurringOf(value: unknown, problems: Problems): CostInput['recurring'] | undefined {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) {
    problems.push('recurring: an object { monthly, months }, or null');
    return undefined;
  }
  unknownKeys(value, ['monthly', 'months'], 'recurring', problems);
  const monthly = num(value.monthly, 'recurring.monthly', problems);
  const months = num(value.months, 'recurring.months', problems);
  return monthly === null || months === null ? undefined : { monthly, months };
}

function listOf<T>(value: unknown, path: string, problems: Problems, entry: (e: Entry, path: string) => T | null): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push(`${path}: a list`);
    return [];
  }
  if (value.length > MAX_COST_LINES) {
    problems.push(`${path}: at most ${MAX_COST_LINES} lines`);
    return [];
  }
  const out: T[] = [];
  value.forEach((e: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(e)) {
      problems.push(`${at}: an object`);
      return;
    }
    const parsed = entry(e, at);
    if (parsed !== null) out.push(parsed);
  });
  return out;
}

function unknownKeys(value: Entry, known: readonly string[], path: string, problems: Problems): void {
  for (const key of Object.keys(value)) if (!known.includes(key)) problems.push(`${path === '' ? key : `${path}.${key}`}: unknown field`);
}

function text(value: unknown, path: string, problems: Problems): string | null {
  if (typeof value === 'string') return value;
  problems.push(`${path}: a text`);
  return null;
}

function num(value: unknown, path: string, problems: Problems): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  problems.push(`${path}: a number`);
  return null;
}
