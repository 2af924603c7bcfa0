import { mkdir } from 'node:fs/promises';
import { createDb, type DatabaseTarget, type Db } from './database.ts';
import { migrateToLatest } from './migrate.ts';

/** A migrated database, ready for syncs. */
export async function openDatabase(target: DatabaseTarget): Promise<Db> {
  if (target.kind === 'pglite' && target.dataDir !== null) await mkdir(target.dataDir, { recursive: true });
  const db = createDb(target);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
