// Google's partial-response / update field masks: `a,b(c,d),e/f`, `*`.

import { invalidArgument } from './google-error.ts';

export interface FieldMask {
  /** Selected as a whole by name (`properties`), so everything below it is kept. */
  leaf: boolean;
  /** `*` at this level: every field here, but not a request for optional extras like grid data. */
  star: boolean;
  children: Map<string, FieldMask>;
}

function emptyMask(): FieldMask {
  return { leaf: false, star: false, children: new Map() };
}

export function parseFieldMask(text: string): FieldMask {
  let pos = 0;
  const fail = (): never => {
    throw invalidArgument(`Invalid field selection ${text}`);
  };

  const parseName = (): string => {
    const match = /^[A-Za-z0-9_*@.$-]+/.exec(text.slice(pos));
    if (match === null) return fail();
    pos += match[0].length;
    return match[0];
  };

  const parseList = (into: FieldMask): void => {
    for (;;) {
      while (text[pos] === ' ') pos++;
      // A path `a/b` or dotted `a.b` nests one level per segment.
      const names = parseName()
        .split('.')
        .flatMap((n) => n.split('/'));
      while (text[pos] === '/') {
        pos++;
        names.push(...parseName().split('.'));
      }
      let node = into;
      for (const name of names) {
        if (name === '*') {
          node.star = true;
          continue;
        }
        let child = node.children.get(name);
        if (child === undefined) {
          child = emptyMask();
          node.children.set(name, child);
        }
        node = child;
      }
      if (text[pos] === '(') {
        pos++;
        parseList(node);
        if (text[pos] !== ')') fail();
        pos++;
      } else if (names.at(-1) !== '*') {
        node.leaf = true;
      }
      while (text[pos] === ' ') pos++;
      if (text[pos] !== ',') return;
      pos++;
    }
  };

  const root = emptyMask();
  parseList(root);
  if (pos !== text.length) fail();
  return root;
}

/** Keeps only what the mask selects; arrays apply the mask to each element. */
export function pruneByMask(value: unknown, mask: FieldMask): unknown {
  if (mask.leaf || mask.star || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => pruneByMask(item, mask));
  const out: Record<string, unknown> = {};
  for (const [key, child] of mask.children) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) out[key] = pruneByMask(field, child);
  }
  return out;
}

/** Whether the mask names this path (or something under or above it) explicitly, not through `*`. */
export function maskNames(mask: FieldMask, path: readonly string[]): boolean {
  let node = mask;
  for (const name of path) {
    if (node.leaf) return true;
    const child = node.children.get(name);
    if (child === undefined) return false;
    node = child;
  }
  return true;
}

type PlainObject = Record<string, unknown>;

function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Applies an update mask the way Sheets' `fields` does: every named field is set from `source`,
 * and a named field that `source` leaves out is cleared.
 */
export function applyUpdateMask(target: PlainObject, source: unknown, mask: FieldMask): void {
  const from = isPlainObject(source) ? source : {};
  if (mask.star) {
    for (const [key, value] of Object.entries(from)) target[key] = structuredClone(value);
  }
  for (const [key, child] of mask.children) {
    const value = from[key];
    if (child.leaf) {
      if (value === undefined || value === null) delete target[key];
      else target[key] = structuredClone(value);
      continue;
    }
    const existing = target[key];
    const nested: PlainObject = isPlainObject(existing) ? { ...existing } : {};
    applyUpdateMask(nested, value, child);
    if (Object.keys(nested).length === 0) delete target[key];
    else target[key] = nested;
  }
}
