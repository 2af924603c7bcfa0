import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseInUseError, lockDataDir } from '../../../server/db/data-dir-lock.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sfa-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('lockDataDir', () => {
  it('refuses a folder another live process holds', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await writeFile(join(dir, 'sheets-sfa.lock'), String(other.pid));
      expect(() => lockDataDir(dir)).toThrow(DatabaseInUseError);
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`process ${other.pid}`));
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that has died, and removes it when released', async () => {
    await writeFile(join(dir, 'sheets-sfa.lock'), '999999999');
    const release = lockDataDir(dir);
    expect(await readFile(join(dir, 'sheets-sfa.lock'), 'utf8')).toBe(String(process.pid));
    release();
    await expect(readFile(join(dir, 'sheets-sfa.lock'), 'utf8')).rejects.toThrow();
  });
});
