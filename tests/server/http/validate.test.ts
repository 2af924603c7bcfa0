import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../server/http/api-error.ts';
import { validate } from '../../../server/http/validate.ts';

const Body = z.object({ account: z.string(), visits: z.array(z.object({ note: z.string() })).optional(), labels: z.record(z.string(), z.string()).optional() });

function refusal(value: unknown, where: 'path' | 'query' | 'body' = 'body'): ApiError {
  try {
    validate(Body, value, where);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected validate to refuse the value');
}

describe('validate', () => {
  it('returns the parsed value when every field is well formed', () => {
    expect(validate(Body, { account: '株式会社サンプル', visits: [{ note: '見積' }] }, 'body')).toEqual({ account: '株式会社サンプル', visits: [{ note: '見積' }] });
  });

  // Postgres text and jsonb cannot hold U+0000: the query would fail with a 500.
  it.each<[string, unknown, 'path' | 'query' | 'body', string]>([
    ['a field', { account: 'A\u0000社' }, 'query', 'query.account: must not contain the NUL character (U+0000)'],
    ['a nested field', { account: 'A社', visits: [{ note: 'ok' }, { note: '\u0000' }] }, 'body', 'body.visits[1].note: must not contain the NUL character (U+0000)'],
    ['a record key', { account: 'A社', labels: { 'x\u0000': 'y' } }, 'body', 'body.labels."x\\u0000": must not contain the NUL character (U+0000)'],
  ])('refuses with 400 naming the field when %s holds a NUL', (_, value, where, message) => {
    const error = refusal(value, where);
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toBe(message);
  });

  it('names each malformed field when the schema refuses the value', () => {
    expect(refusal({ account: 1 }).message).toMatch(/^body\.account: /);
  });
});
