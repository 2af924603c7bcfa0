// Postgres text and jsonb cannot hold U+0000: a NUL reaching a query fails it, a 500 for what is
// the sender's mistake. Checked where input enters, so the answer is a 400 naming the field.
// Sheet cells are the exception: shared/rows/nul-cells.ts reads them without it and reports them.

/** What a 400 says of a value holding U+0000. */
export const NUL_PROBLEM = 'must not contain the NUL character (U+0000)';

export const hasNul = (text: string): boolean => text.includes('\u0000');

/**
 * The path (`.field`, `[index]`) of the first string, or object key, holding U+0000 in a JSON-like
 * value; null when there is none. Iterative: a deeply nested body must not overflow the stack.
 */
export function nulPath(value: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value: v, path } = item;
    if (typeof v === 'string') {
      if (hasNul(v)) return path;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: `${path}[${i}]` });
    } else if (typeof v === 'object' && v !== null) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] as [string, unknown];
        if (hasNul(key)) return `${path}.${JSON.stringify(key)}`;
        stack.push({ value: child, path: `${path}.${key}` });
      }
    }
  }
  return null;
}
