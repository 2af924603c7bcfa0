import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseTarget } from '../db/database.ts';

/** The per-user place for the embedded database, following each platform's convention. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'sheets-sfa');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'sheets-sfa');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'sheets-sfa');
}

/** Postgres when DATABASE_URL is set; otherwise the embedded PGlite in SHEETS_SFA_DATA_DIR. */
export function databaseTargetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url !== undefined && url !== '') return { kind: 'postgres', url };
  const dir = env.SHEETS_SFA_DATA_DIR?.trim();
  return { kind: 'pglite', dataDir: join(dir !== undefined && dir !== '' ? dir : defaultDataDir(env), 'pglite') };
}
