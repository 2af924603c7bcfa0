// A copy of syncSpreadsheet's flow for a sheet with only a deals tab (server/sync/sync-engine.ts
// as of 20adb32), calling the same functions in the same order with a stopwatch between them,
// and RSS after each step. Only for profiling: what it returns is not a SyncReport, and it
// handles no dry runs or failures. If the engine's flow changes, change this copy too.
import { randomUUID } from 'node:crypto';
import type { IsoDate } from '../shared/calendar/iso-date.ts';
import { CELL_MESSAGES } from '../shared/cells/cell-messages.ts';
import { computeDealStatus } from '../shared/flags/deal-status.ts';
import { FLAG_CODES, type DealStatus, type FlagCode } from '../shared/flags/flag.ts';
import { firstMemory, nextMemory, type MemoryStep } from '../shared/history/deal-memory.ts';
import { format, type Locale } from '../shared/i18n/locale.ts';
import { mappingSpecOf, resolveMapping } from '../shared/mapping/resolve-mapping.ts';
import type { SheetGrid } from '../shared/mapping/sheet-grid.ts';
import type { MappingSpec, ResolvedTab } from '../shared/mapping/tab-mapping.ts';
import { readTab } from '../shared/rows/read-tab.ts';
import { applySettingsOverrides } from '../shared/settings/settings-overrides.ts';
import { DEFAULT_SETTINGS, type SyncSettings } from '../shared/settings/sync-settings.ts';
import type { Db } from '../server/db/database.ts';
import { tombstoneTracked } from '../server/db/tracked-rows.ts';
import { insertStageHistory, loadDealStates, type StageHistoryEntry } from '../server/deals/deal.repository.ts';
import { lockSpreadsheet, saveMapping, upsertSpreadsheet } from '../server/spreadsheets/spreadsheet.repository.ts';
import { insertSyncRun } from '../server/sync-runs/sync-run.repository.ts';
import { assignRowIds } from '../server/sync/assign-row-ids.ts';
import { buildPlan, type DealOutcome } from '../server/sync/build-plan.ts';
import { contentHash } from '../server/sync/content-hash.ts';
import type { DiffedRow, RowChange, TabDiff } from '../server/sync/diff-tab.ts';
import { dealKey } from '../server/sync/natural-key.ts';
import type { SheetSource } from '../server/sync/sheet-source.ts';
import { stalestDeals } from '../server/sync/stalest-deals.ts';
import { writeDeals } from '../server/sync/write-rows.ts';

export interface Lap {
  readonly step: string;
  readonly ms: number;
  /** RSS after the step, MB. */
  readonly rssMb: number;
}

export interface ProfiledSync {
  readonly laps: readonly Lap[];
  readonly totalMs: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly cellsWritten: number;
}

class Stopwatch {
  readonly laps: Lap[] = [];
  readonly #start = performance.now();
  #last = this.#start;

  lap(step: string): void {
    const now = performance.now();
    this.laps.push({ step, ms: now - this.#last, rssMb: process.memoryUsage.rss() / 1024 / 1024 });
    this.#last = now;
  }

  get totalMs(): number {
    return this.#last - this.#start;
  }
}

function isMappingSpec(value: unknown): value is MappingSpec {
  return typeof value === 'object' && value !== null && 'tabs' in value;
}

export async function profiledSync(db: Db, source: SheetSource, now: IsoDate): Promise<ProfiledSync> {
  const watch = new Stopwatch();
  const lap = (step: string): void => watch.lap(step);
  const newId = randomUUID;
  const startedAt = new Date();
  const identity = await source.identify();
  const grids = await source.read();
  const gridOf = (name: string): SheetGrid => grids.find((g) => g.name === name) ?? { name, rows: [] };
  lap('source.read (GridSource copies the grid)');

  const outcome = await db.transaction().execute(async (trx) => {
    await lockSpreadsheet(trx, identity.spreadsheetId);
    const stored = await upsertSpreadsheet(trx, { id: identity.spreadsheetId, kind: identity.kind, title: identity.title, timeZone: identity.timeZone ?? DEFAULT_SETTINGS.timeZone });
    lap('lock + upsert spreadsheet');
    const base: SyncSettings = identity.timeZone === null ? DEFAULT_SETTINGS : { ...DEFAULT_SETTINGS, timeZone: identity.timeZone };
    const settings = applySettingsOverrides(base, stored.settings).settings;
    const remembered = isMappingSpec(stored.mapping) ? resolveMapping(grids, stored.mapping) : null;
    const mapping = remembered !== null && remembered.problems.length === 0 && remembered.tabs.some((t) => t.kind === 'deals') ? remembered : resolveMapping(grids, null);
    const dealsTab = mapping.tabs.find((t): t is ResolvedTab<'deals'> => t.kind === 'deals');
    if (dealsTab === undefined) throw new Error('no deals tab');
    const locale: Locale = settings.locale ?? dealsTab.locale;
    const at = new Date();
    lap('settings + mapping');

    const dealsRead = readTab(dealsTab, gridOf(dealsTab.sheet), settings);
    lap('readTab (parse cells, contentKey)');
    const storedStates = await loadDealStates(trx, identity.spreadsheetId);
    lap('loadDealStates #1 (for diffTab)');
    // diffTab, step by step
    const rows = dealsRead.rows;
    const hashes = rows.map((r) => contentHash(r.contentKey));
    lap('diffTab: contentHash');
    const candidates = rows.map((row, i) => ({ idCell: row.idCell, hash: hashes[i] ?? '', naturalKey: dealKey(row.record.account, row.record.title) }));
    lap('diffTab: natural keys');
    const assignment = assignRowIds(candidates, storedStates, newId);
    lap('diffTab: assignRowIds');
    const seen = new Set<string>();
    const diffed = rows.map((row, i): DiffedRow<'deals'> => {
      const id = assignment.ids[i] ?? '';
      const hash = hashes[i] ?? '';
      seen.add(id);
      const known = storedStates.get(id);
      const change: RowChange = known === undefined ? 'inserted' : known.hash !== hash || known.removed ? 'updated' : 'unchanged';
      return { row, id, hash, change };
    });
    const removedIds = [...storedStates].filter(([id, s]) => !s.removed && !seen.has(id)).map(([id]) => id);
    const dealDiff: TabDiff<'deals'> = { rows: diffed, removedIds, reissued: assignment.reissued };
    lap('diffTab: classify + removed');
    const dealStates = await loadDealStates(trx, identity.spreadsheetId);
    lap('loadDealStates #2 (same query again)');

    const dealIdByKey = new Map<string, string>();
    const dealIdByTitle = new Map<string, string | null>();
    for (const d of dealDiff.rows) {
      dealIdByKey.set(dealKey(d.row.record.account, d.row.record.title), d.id);
      const title = dealKey(null, d.row.record.title);
      dealIdByTitle.set(title, dealIdByTitle.has(title) ? null : d.id);
    }
    lap('deal link maps (for visits/requests)');

    const history: StageHistoryEntry[] = [];
    const steps = dealDiff.rows.map((d): MemoryStep => {
      const state = dealStates.get(d.id);
      if (state === undefined) return firstMemory(d.row.record, now);
      if (d.change === 'unchanged') return { memory: state.memory, change: null };
      return nextMemory(state, d.row.record, now);
    });
    steps.forEach((step, i) => {
      const d = dealDiff.rows[i];
      if (d !== undefined && step.change !== null) history.push({ dealId: d.id, ...step.change });
    });
    lap('deal memory + history');
    const statuses: DealStatus[] = dealDiff.rows.map((d, i) =>
      computeDealStatus({ deal: d.row.record, memory: steps[i]?.memory ?? firstMemory(d.row.record, now).memory, visits: [], cellIssueCount: d.row.issues.length }, settings, now),
    );
    lap('computeDealStatus');

    const sid = identity.spreadsheetId;
    await writeDeals(trx, sid, dealDiff, steps, at);
    lap('writeDeals (bulk insert/update)');
    await tombstoneTracked(trx, 'deals', sid, dealDiff.removedIds, at);
    await saveMapping(trx, sid, mappingSpecOf(mapping.tabs), at);
    lap('tombstone + saveMapping');

    const dealOutcomes: DealOutcome[] = dealDiff.rows.map((d, i) => ({
      sheetRow: d.row.sheetRow,
      id: d.id,
      deal: d.row.record,
      memory: steps[i]?.memory ?? { stageEnteredOn: null, previousStage: null, ballChangedOn: null },
      status: statuses[i] as DealStatus,
    }));
    const plan = buildPlan({ spreadsheetId: sid, settings, locale, grids: { of: gridOf }, deals: { tab: dealsTab, read: dealsRead, outcomes: dealOutcomes }, visits: null, requests: null });
    lap('buildPlan (render flags, compare cells)');

    const flagCounts = Object.fromEntries(FLAG_CODES.map((c) => [c, 0])) as Record<FlagCode, number>;
    for (const s of statuses) for (const f of s.flags) flagCounts[f.code]++;
    const issues = dealsRead.rows.flatMap((r) => r.issues).map((issue) => ({ ...issue, message: format(CELL_MESSAGES[issue.code][locale], { value: issue.value }) }));
    const by = (change: string) => dealDiff.rows.filter((r) => r.change === change).length;
    const counts = { kind: dealsTab.kind, sheet: dealsTab.sheet, read: dealDiff.rows.length, inserted: by('inserted'), updated: by('updated'), unchanged: by('unchanged'), removed: removedIds.length, reissued: dealDiff.reissued };
    lap('flag counts + issues + tab counts');
    const runId = await insertSyncRun(trx, { spreadsheetId: sid, sourceKind: identity.kind, asOf: now, startedAt, finishedAt: new Date(), outcome: 'succeeded', counts: [counts], flagCounts, issueCount: issues.length, error: null });
    lap('insertSyncRun');
    await insertStageHistory(trx, sid, runId, history, at);
    lap('insertStageHistory');
    stalestDeals(dealOutcomes, dealsTab.sheet, settings);
    lap('stalestDeals');
    const cellsWritten = plan.tabs.reduce((n, t) => n + t.writes.length + t.newColumns.length, 0);
    return { plan, counts, cellsWritten };
  });
  lap('commit');
  await source.apply(outcome.plan);
  lap('source.apply (plan into the grid)');
  return {
    laps: watch.laps,
    totalMs: watch.totalMs,
    inserted: outcome.counts.inserted,
    updated: outcome.counts.updated,
    unchanged: outcome.counts.unchanged,
    cellsWritten: outcome.cellsWritten,
  };
}
