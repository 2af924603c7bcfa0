import type { z } from 'zod';
import { ApiError } from './api-error.ts';
import { NUL_PROBLEM, nulPath } from './nul-character.ts';

/** Parses with a schema; a failure, or text Postgres cannot store, is a 400 naming each bad field by its path. */
export function validate<T>(schema: z.ZodType<T>, value: unknown, where: 'path' | 'query' | 'body'): T {
  const result = schema.safeParse(value);
  if (result.success) {
    const nul = nulPath(result.data);
    if (nul !== null) throw new ApiError(400, 'invalid_request', `${where}${nul}: ${NUL_PROBLEM}`);
    return result.data;
  }
  const problems = result.error.issues.slice(0, 10).map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    return `${where}${path}: ${issue.message}`;
  });
  throw new ApiError(400, 'invalid_request', problems.join('; '));
}
