import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { claspProjectProblem } from '../../../addon/build/check-clasp-project.ts';

describe('claspProjectProblem', () => {
  it('refuses the checked-in placeholder with what to do', async () => {
    const text = await readFile('.clasp.json', 'utf8');
    expect(JSON.parse(text)).toMatchObject({ rootDir: 'addon/dist' });
    expect(claspProjectProblem(text)).toMatch(/names no Apps Script project yet.*Script ID/);
  });

  it('accepts a real-looking script id with rootDir addon/dist', () => {
    const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQ';
    expect(claspProjectProblem(JSON.stringify({ scriptId: id, rootDir: 'addon/dist' }))).toBeNull();
  });

  it('refuses another rootDir and invalid JSON', () => {
    const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQ';
    expect(claspProjectProblem(JSON.stringify({ scriptId: id, rootDir: 'addon/src' }))).toMatch(/rootDir/);
    expect(claspProjectProblem('{')).toMatch(/not valid JSON/);
  });
});
