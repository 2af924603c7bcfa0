import type { Migration, MigrationProvider } from 'kysely/migration';
import * as syncEngine from './2026-11-22T00-00-00_sync-engine.ts';
import * as service from './2026-11-22T12-00-00_service.ts';
import * as apiRows from './2026-11-22T20-05-00_api-rows.ts';
import * as requestDecisions from './2026-11-22T20-00-00_request-decisions.ts';
import * as feed from './2026-11-22T20-10-00_feed.ts';
import * as requestEventContent from './2026-11-23T10-00-00_request-event-content.ts';
import * as dropVisitMemory from './2026-11-24T09-00-00_drop-visit-memory.ts';

// A static list rather than a folder scan: it works the same under type stripping, bundling and tests.
const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026-11-22T00-00-00_sync-engine': syncEngine,
  '2026-11-22T12-00-00_service': service,
  '2026-11-22T20-00-00_request-decisions': requestDecisions,
  '2026-11-22T20-05-00_api-rows': apiRows,
  '2026-11-22T20-10-00_feed': feed,
  '2026-11-23T10-00-00_request-event-content': requestEventContent,
  '2026-11-24T09-00-00_drop-visit-memory': dropVisitMemory,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
