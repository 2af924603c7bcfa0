import { describe, expect, it } from 'vitest';
import { nulPath } from '../../../server/http/nul-character.ts';

describe('nulPath', () => {
  it.each<[string, unknown, string | null]>([
    ['text without one', 'ok', null],
    ['numbers, booleans and null', [1, true, null, { a: 2 }], null],
    ['the text itself', 'a\u0000', ''],
    ['an array item', ['a', 'b\u0000'], '[1]'],
    ['a nested field, the first in order', { a: [{ b: 'x' }, { c: '\u0000' }], d: '\u0000' }, '.a[1].c'],
    ['a key', { 'k\u0000': 1 }, '."k\\u0000"'],
  ])('finds %s', (_, value, path) => {
    expect(nulPath(value)).toBe(path);
  });

  it('walks a deeply nested value without overflowing the stack', () => {
    let value: unknown = '\u0000';
    for (let i = 0; i < 200_000; i++) value = [value];
    expect(nulPath(value)).toBe('[0]'.repeat(200_000));
  });
});
