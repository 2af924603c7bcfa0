import type { z } from 'zod';
import { ApiError } from './api-error.ts';

/** Parses with a schema; a failure is a 400 naming each bad field by its path. */
export function validate<T>(schema: z.ZodType<T>, value: unknown, where: 'path' | 'query' | 'body'): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 10).map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    return `${where}${path}: ${issue.message}`;
  });
  throw new ApiError(400, 'invalid_request', problems.join('; '));
}
