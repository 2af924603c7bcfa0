import { mkdir } from 'node:fs/promises';
import { createDb, type DatabaseTarget, type Db } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { lockDataDir } from './data-dir-lock.ts';

const releases = new WeakMap<Db, () => void>();

/** A migrated database, ready for syncs; an embedded one is locked to this process. */
export async function openDatabase(target: DatabaseTarget): Promise<Db> {
  let release = (): void => undefined;
  if (target.kind === 'pglite' && target.dataDir !== null) {
    await mkdir(target.dataDir, { recursive: true });
    release = lockDataDir(target.dataDir);
  }
  const db = createDb(target);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    release();
    throw error;
  }
  releases.set(db, release);
  return db;
}

/** Closes a database from openDatabase and releases its folder's lock. */
export async function closeDatabase(db: Db): Promise<void> {
  try {
    await db.destroy();
  } finally {
    releases.get(db)?.();
  }
}
