import { randomUUID } from 'node:crypto';
import type { IsoDate } from '../../shared/calendar/iso-date.ts';
import type { VisitFact } from '../../shared/flags/flag.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import { cellIssueMessage } from '../../shared/rows/cell-issue.ts';
import { resolveMapping, mappingSpecOf } from '../../shared/mapping/resolve-mapping.ts';
import type { SheetGrid } from '../../shared/mapping/sheet-grid.ts';
import type { MappingSpec, ResolvedTab } from '../../shared/mapping/tab-mapping.ts';
import type { TabKind } from '../../shared/records/tab-kind.ts';
import { withoutNul, type TabNulCells } from '../../shared/rows/nul-cells.ts';
import { readTab, type ReadTabResult, type RecordsByKind, type TabRow } from '../../shared/rows/read-tab.ts';
import { mergeSettingsOverrides } from '../../shared/settings/settings-overrides.ts';
import { withLocalizedStageLabels } from '../../shared/settings/localized-stages.ts';
import { DEFAULT_SETTINGS, type SyncSettings } from '../../shared/settings/sync-settings.ts';
import { resolveSpreadsheetSettings } from './spreadsheet-settings.ts';
import { appendedCellCount, type WritePlan } from '../../shared/write-plan/write-plan.ts';
import type { Db } from '../db/database.ts';
import { inBulkTransaction } from '../db/bulk-writer.ts';
import { clearPending, pendingIdsOf, rehashPending, tombstoneTracked } from '../db/tracked-rows.ts';
import { insertStageHistory, loadDealMemories, loadDealStates, visitFactsOf, type StageHistoryEntry } from '../deals/deal.repository.ts';
import { frozenRequestIds, loadRequestStates } from '../requests/request.repository.ts';
import { lockSpreadsheet, saveMapping, saveSettings, upsertSpreadsheet } from '../spreadsheets/spreadsheet.repository.ts';
import { insertSyncRun, markSyncRunFailed } from '../sync-runs/sync-run.repository.ts';
import type { SyncTrigger } from '../sync-runs/sync-run.table.ts';
import { loadVisitStates } from '../visits/visit.repository.ts';
import { appendSyncFeed } from '../feed/sync-feed.ts';
import { buildPlan } from './build-plan.ts';
import { contentHash } from '../../shared/rows/content-hash.ts';
import { dealStatuses } from './deal-statuses.ts';
import { diffTab, type TabDiff } from './diff-tab.ts';
import { relinkRows, writeDeals, writeRequests, writeVisits } from './write-rows.ts';
import { dealKey, requestKey, visitKey } from './natural-key.ts';
import type { SheetSource, SourceIdentity } from './sheet-source.ts';
import { SyncError } from './sync-error.ts';
import type { SyncReport, TabCounts } from './sync-report.ts';
import { flagSummary, flagSummaryOfSteps } from './flag-summary.ts';
import type { LinkedIdentity } from './assign-row-ids.ts';
import { Stopwatch } from './stopwatch.ts';
import { appendTamperingFeed, requestSyncStatuses } from './request-sync.ts';
import { pendingRequests, pendingVisits } from './pending-appends.ts';
import { dealLinkerOf, type DealLinker } from './request-deal-link.ts';
import { layoutOf } from './sheet-layout.ts';
import { saveSheetLayouts } from './sheet-layout.repository.ts';

/** An explicit mapping, as a `--mapping` file gives it: tabs, the team's stage labels, settings. */
export interface MappingInput extends MappingSpec {
  readonly stageLabels?: unknown;
  readonly settings?: unknown;
}

export type SyncPhase = 'read' | 'diff' | 'write' | 'apply';

export interface SyncOptions {
  /**
   * Today in the spreadsheet's time zone: every aging flag is computed against it. Given as a
   * function, it is asked in the zone the settings settle on (see resolveSpreadsheetSettings).
   */
  readonly now: IsoDate | ((timeZone: string) => IsoDate);
  /** Compute and report everything, write nothing (the transaction is rolled back). */
  readonly dryRun?: boolean;
  /** Recompute every deal's status even where the stored one still stands (after a rule change). */
  readonly fullRecompute?: boolean;
  readonly mapping?: MappingInput | null;
  readonly onPhase?: (phase: SyncPhase) => void;
  /** Wall clock for timestamps; `now` above is the business date. */
  readonly clock?: () => Date;
  readonly newId?: () => string;
  /** Recorded with the run: what started it and, for a person, their email. */
  readonly trigger?: SyncTrigger;
  readonly requestedBy?: string | null;
}

// Raised whenever the flag rules change meaning, so stored statuses are recomputed after an upgrade.
// 2: deals carry 要コスト確認 from their special requests.
// 3: 期限切れ goes by the effective next action, a later one planned by the latest visit included.
const FLAG_RULES_VERSION = 3;

class DryRunRollback extends Error {
  readonly report: SyncReport;
  constructor(report: SyncReport) {
    super('dry run');
    this.report = report;
  }
}

function counts<K extends TabKind>(tab: ResolvedTab<K>, diff: TabDiff<K>): TabCounts {
  const by = (change: string) => diff.rows.filter((r) => r.change === change).length;
  return {
    kind: tab.kind,
    sheet: tab.sheet,
    read: diff.rows.length,
    inserted: by('inserted'),
    updated: by('updated'),
    unchanged: by('unchanged'),
    removed: diff.removedIds.length,
    reissued: diff.reissued,
  };
}

/** The overrides a mapping file gives (its settings and its stage labels), or null. */
function givenOverrides(input: MappingInput | null | undefined): Record<string, unknown> | null {
  if (input?.settings === undefined && input?.stageLabels === undefined) return null;
  const settings = typeof input.settings === 'object' && input.settings !== null ? (input.settings as Record<string, unknown>) : {};
  return input.stageLabels === undefined ? settings : { ...settings, stageLabels: { ...(settings.stageLabels as object | undefined), ...(input.stageLabels as object) } };
}

/**
 * The spreadsheet's settings: defaults, its time zone, what is stored for it, and what the
 * mapping file gives now, which is stored in turn so the next sync without it reads the same.
 */
function settingsFor(stored: unknown, input: MappingInput | null | undefined, identity: SourceIdentity) {
  const given = givenOverrides(input);
  const overrides = given === null ? stored : mergeSettingsOverrides(stored, given);
  const { settings, problems } = resolveSpreadsheetSettings(identity, overrides);
  return { settings, problems, toStore: given === null ? null : overrides };
}

function isMappingSpec(value: unknown): value is MappingSpec {
  return typeof value === 'object' && value !== null && 'tabs' in value;
}

function chooseMapping(grids: readonly SheetGrid[], input: MappingInput | null | undefined, stored: unknown) {
  if (input?.tabs !== undefined) {
    const explicit = resolveMapping(grids, input);
    if (explicit.problems.length > 0) {
      throw new SyncError('mapping_invalid', explicit.problems.map((p) => `${p.code} ${JSON.stringify(p)}`).join('; '));
    }
    return explicit;
  }
  // A stored mapping holds what the team confirmed; when the sheet has moved on (a tab renamed,
  // a header rewritten), fall back to detection rather than fail the sync.
  if (isMappingSpec(stored)) {
    // Stored by header text: a renamed header must not be read as a column letter (GP, VOC, Rep).
    const remembered = resolveMapping(grids, stored, { lettersAllowed: false });
    if (remembered.problems.length === 0 && remembered.tabs.some((t) => t.kind === 'deals')) return remembered;
  }
  return resolveMapping(grids, null);
}

/**
 * One sync of one spreadsheet: read every tab, diff against Postgres in one transaction under the
 * spreadsheet's advisory lock, record stage changes and the run, compute flags, and apply the
 * resulting write plan to the source. Re-running with no edits changes nothing.
 */
export async function syncSpreadsheet(db: Db, source: SheetSource, options: SyncOptions): Promise<SyncReport> {
  const clock = options.clock ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const startedAt = clock();
  const watch = new Stopwatch();
  options.onPhase?.('read');
  const identity = await source.identify();

  let report: SyncReport;
  try {
    report = await inBulkTransaction(db, async (trx, writer) => {
      // The sheet is read under the spreadsheet's lock: a sync that read an older sheet must not
      // commit after one that read a newer sheet (a recompute racing the add-on's push), or stage
      // history would record the deal moving back and forth.
      await lockSpreadsheet(trx, identity.spreadsheetId);
      // Every source passes here: a NUL pasted into a cell is read without it and reported, as
      // Postgres cannot store it; the plan then sees the cell as read, so it never rewrites it.
      const { grids, nulCells } = withoutNul(await source.read());
      watch.lap('source.read');
      const gridOf = (name: string): SheetGrid => grids.find((g) => g.name === name) ?? { name, rows: [] };
      const stored = await upsertSpreadsheet(trx, {
        id: identity.spreadsheetId,
        kind: identity.kind,
        title: identity.title,
        timeZone: identity.timeZone ?? DEFAULT_SETTINGS.timeZone,
      });
      const { settings: configured, problems: settingsProblems, toStore } = settingsFor(stored.settings, options.mapping, identity);
      if (toStore !== null) await saveSettings(trx, identity.spreadsheetId, toStore);
      const mapping = chooseMapping(grids, options.mapping, stored.mapping);
      const dealsTab = mapping.tabs.find((t): t is ResolvedTab<'deals'> => t.kind === 'deals');
      if (dealsTab === undefined) {
        throw new SyncError('no_tabs', 'no deals tab found: no sheet has a header row with a deal title or account and a stage');
      }
      const visitsTab = mapping.tabs.find((t): t is ResolvedTab<'visits'> => t.kind === 'visits');
      const requestsTab = mapping.tabs.find((t): t is ResolvedTab<'requests'> => t.kind === 'requests');
      const locale: Locale = configured.locale ?? dealsTab.locale;
      const settings = withLocalizedStageLabels(configured, locale);
      const now = todayOf(options, settings.timeZone);
      const at = clock();
      const sid = identity.spreadsheetId;
      // Stored statuses stand only for the settings and language they were computed with.
      const settingsHash = contentHash(JSON.stringify([FLAG_RULES_VERSION, settings, locale]));
      watch.lap('lock+mapping');

      options.onPhase?.('diff');
      const dealsRead = readTab(dealsTab, gridOf(dealsTab.sheet), settings, nulCells.get(dealsTab.sheet));
      const dealStates = await loadDealStates(trx, sid, { withKeys: needsNaturalKeys(dealsRead.rows) });
      watch.lap('load deal states');
      const dealDiff = diffTab(dealsRead.rows, dealStates, (r) => dealKey(r.record.account, r.record.title), newId);
      const linkDeal = dealLinker(dealDiff);

      const visits = visitsTab === undefined ? null : await readAndDiff(visitsTab, gridOf(visitsTab.sheet), nulCells.get(visitsTab.sheet), settings, () => loadVisitStates(trx, sid), (v) => visitKey(v.visitedOn, v.account, v.dealTitle, v.owner), newId, () => pendingIdsOf(trx, 'visits', sid));
      const requests = requestsTab === undefined ? null : await readAndDiff(requestsTab, gridOf(requestsTab.sheet), nulCells.get(requestsTab.sheet), settings, () => loadRequestStates(trx, sid), (r) => requestKey(r.requestedOn, r.account, r.type, r.requester), newId, () => pendingIdsOf(trx, 'requests', sid));
      // Rows born in the API that the sheet lacks (the add-on may have failed to add them) are
      // appended again rather than tombstoned; with no such tab they simply stay pending.
      const visitAppends = visitsTab && visits ? await pendingVisits(trx, sid, visitsTab, visits.diff.pendingMissing, settings) : null;
      const requestAppends = requestsTab && requests ? await pendingRequests(trx, sid, requestsTab, requests.diff.pendingMissing, settings) : null;
      const visitsRead = visits?.read ?? null;
      const visitDiff = visits?.diff ?? null;
      const requestsRead = requests?.read ?? null;
      const requestDiff = requests?.diff ?? null;
      // When deals came, went or changed, unchanged visits and requests may now name another deal
      // (or one that did not exist before): their links are worked out again.
      const dealsMoved = dealDiff.removedIds.length > 0 || dealDiff.rows.some((d) => d.change !== 'unchanged');
      const visitRelinks = visits !== null && dealsMoved ? relinks(visits, (v) => linkDeal(v.account, v.dealTitle)) : [];
      const requestRelinks = requests !== null && dealsMoved ? relinks(requests, (r) => linkDeal(r.account, r.dealTitle)) : [];
      const visitsChanged =
        visitDiff !== null && (visitDiff.removedIds.length > 0 || visitRelinks.length > 0 || visitDiff.rows.some((v) => v.change !== 'unchanged'));
      watch.lap('diff');

      // What each request row shows and which deals need a cost review: from Postgres as it stood
      // before this sync, overlaid with what the sheet says now.
      const requestSide = await requestSyncStatuses(trx, {
        spreadsheetId: sid,
        tab: requestsTab ?? null,
        grid: requestsTab === undefined ? null : gridOf(requestsTab.sheet),
        diff: requestDiff,
        dealOf: linkDeal,
        deals: () => dealDiff.rows.map((d) => ({ id: d.id, deal: d.row.record })),
        locale,
        timeZone: settings.timeZone,
        now,
      });
      watch.lap('requests');

      const steps = await dealStatuses(dealDiff.rows, {
        tab: dealsTab,
        grid: gridOf(dealsTab.sheet),
        states: dealStates,
        settings,
        locale,
        now,
        costReviews: requestSide.costReviews,
        statusesReusable: options.fullRecompute !== true && stored.statusSettingsHash === settingsHash && !visitsChanged,
        // Unchanged visits are in Postgres already, linked; changed ones are linked from the sheet.
        visits: async () => (visitsChanged ? visitsByDeal(visitDiff, linkDeal, visitAppends?.facts) : visitFactsOf(trx, sid)),
        memories: (ids) => loadDealMemories(trx, sid, ids, dealStates.size),
      });
      const history: StageHistoryEntry[] = [];
      for (const step of steps) if (step.memory?.change) history.push({ dealId: step.diffed.id, ...step.memory.change });
      watch.lap('memory+flags');
      // Feed news (stage changes, new flags): before writeDeals, while the previous flags are still stored.
      await appendSyncFeed(trx, { spreadsheetId: sid, steps, stored: dealStates, settings, at });

      options.onPhase?.('write');
      await writeDeals(trx, writer, sid, steps, dealStates, at);
      await tombstoneTracked(trx, 'deals', sid, dealDiff.removedIds, at);
      if (visitDiff !== null) {
        await writeVisits(trx, writer, sid, visitDiff, (v) => linkDeal(v.account, v.dealTitle), at);
        await tombstoneTracked(trx, 'visits', sid, visitDiff.removedIds, at);
        await relinkRows(trx, 'visits', sid, visitRelinks);
        await clearPending(trx, 'visits', sid, visitDiff.pendingShown);
        await rehashPending(trx, 'visits', sid, visitAppends?.hashes ?? []);
      }
      if (requestDiff !== null) {
        // A request being judged, or judged, keeps the content it was judged on.
        const frozen = await frozenRequestIds(trx, sid);
        const writable = frozen.size === 0 ? requestDiff : { ...requestDiff, rows: requestDiff.rows.filter((r) => !(r.change === 'updated' && frozen.has(r.id))) };
        await writeRequests(trx, writer, sid, writable, (r) => linkDeal(r.account, r.dealTitle), at);
        await tombstoneTracked(trx, 'requests', sid, requestDiff.removedIds, at);
        await relinkRows(trx, 'requests', sid, requestRelinks.filter((r) => !frozen.has(r.id)));
        await clearPending(trx, 'requests', sid, requestDiff.pendingShown);
        await rehashPending(trx, 'requests', sid, requestAppends?.hashes ?? []);
      }
      await appendTamperingFeed(trx, sid, requestSide, at);
      await saveMapping(trx, sid, mappingSpecOf(mapping.tabs), settingsHash, at);
      watch.lap('write rows');

      const plan: WritePlan = buildPlan({
        spreadsheetId: sid,
        settings,
        locale,
        grids: { of: gridOf },
        deals: { tab: dealsTab, read: dealsRead, outcomes: steps.flatMap((s) => (s.outcome === null ? [] : [s.outcome])) },
        visits: visitsTab && visitsRead && visitDiff ? { tab: visitsTab, read: visitsRead, ids: visitDiff.rows.map((r) => ({ sheetRow: r.row.sheetRow, id: r.id })), appends: visitAppends?.appends ?? [] } : null,
        requests: requestsTab && requestsRead && requestDiff ? { tab: requestsTab, read: requestsRead, ids: requestDiff.rows.map((r) => ({ sheetRow: r.row.sheetRow, id: r.id })), appends: requestAppends?.appends ?? [], outcomes: requestSide.outcomes } : null,
      });
      // Where columns and deal rows sit once the plan is applied: the API plans its cells from it.
      await saveSheetLayouts(
        trx,
        sid,
        mapping.tabs.flatMap((tab) => {
          const tabPlan = plan.tabs.find((t) => t.kind === tab.kind);
          if (tabPlan === undefined) return [];
          return [layoutOf(tab, tabPlan, tab.kind === 'deals' ? dealDiff.rows.map((d) => ({ sheetRow: d.row.sheetRow, id: d.id })) : null)];
        }),
        at,
      );
      watch.lap('plan');

      const { flagCounts, stalest } =
        flagSummaryOfSteps(steps, dealsTab.sheet, settings) ??
        (await flagSummary(trx, sid, dealsTab.sheet, new Map(dealDiff.rows.map((d) => [d.id, d.row.sheetRow])), settings));
      // Issues of skipped rows are reported again only where the row is known to have some.
      const dealIssues = steps
        .filter((s) => s.outcome !== null || (dealStates.get(s.diffed.id)?.cellIssueCount ?? 0) > 0)
        .flatMap((s) => s.diffed.row.issues);
      const issues = [...dealIssues, ...(visitsRead?.rows ?? []).flatMap((r) => r.issues), ...(requestsRead?.rows ?? []).flatMap((r) => r.issues)].map(
        (issue) => ({ ...issue, message: cellIssueMessage(issue, locale) }),
      );
      const tabs: TabCounts[] = [counts(dealsTab, dealDiff)];
      if (visitsTab && visitDiff) tabs.push(counts(visitsTab, visitDiff));
      if (requestsTab && requestDiff) tabs.push(counts(requestsTab, requestDiff));

      const finishedAt = clock();
      const runId = options.dryRun
        ? null
        : await insertSyncRun(trx, {
            spreadsheetId: sid,
            sourceKind: identity.kind,
            asOf: now,
            startedAt,
            finishedAt,
            outcome: 'succeeded',
            counts: tabs,
            flagCounts,
            issueCount: issues.length,
            error: null,
            trigger: options.trigger ?? 'cli',
            requestedBy: options.requestedBy ?? null,
          });
      await insertStageHistory(writer, sid, runId, history, at);
      watch.lap('history+run');

      const result: SyncReport = {
        spreadsheetId: sid,
        title: identity.title,
        runId,
        asOf: now,
        dryRun: options.dryRun === true,
        durationMs: finishedAt.getTime() - startedAt.getTime(),
        locale,
        tabs,
        flagCounts,
        stalest,
        issues,
        mappingProblems: mapping.problems,
        settingsProblems,
        cellsWritten: plan.tabs.reduce((n, t) => n + t.writes.length + t.newColumns.length + appendedCellCount(t), 0),
        plan,
        timings: watch.laps,
      };
      if (options.dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) {
      await recordRun(db, identity, options, startedAt, clock(), 'dry_run', error.report, null);
      return error.report;
    }
    // The sync's own error is what the caller must see, even if recording it fails too.
    await recordRun(db, identity, options, startedAt, clock(), 'failed', null, error).catch(() => undefined);
    throw error;
  }

  watch.lap('commit');
  options.onPhase?.('apply');
  try {
    await source.apply(report.plan);
    watch.lap('source.apply');
  } catch (error) {
    // Postgres holds the sync; the sheet did not get its cells. The next sync recomputes the same
    // plan (ids issued now are re-adopted by content), so the run is marked failed, not undone.
    if (report.runId !== null) await markSyncRunFailed(db, report.runId, `write-back failed: ${errorText(error)}`).catch(() => undefined);
    throw error;
  }
  return report;
}

/**
 * Whether any row lost its id or shares it with another: only then are stored natural keys
 * (account and title) needed, to re-attach rows to what they were.
 */
function needsNaturalKeys(rows: readonly TabRow<TabKind>[]): boolean {
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.idCell === null || seen.has(row.idCell)) return true;
    seen.add(row.idCell);
  }
  return false;
}

interface SideTab<K extends 'visits' | 'requests'> {
  readonly read: ReadTabResult<K>;
  readonly diff: TabDiff<K>;
  readonly stored: ReadonlyMap<string, LinkedIdentity>;
}

async function readAndDiff<K extends 'visits' | 'requests'>(
  tab: ResolvedTab<K>,
  grid: SheetGrid,
  nulCells: TabNulCells | undefined,
  settings: SyncSettings,
  load: () => Promise<ReadonlyMap<string, LinkedIdentity>>,
  naturalKey: (record: RecordsByKind[K]) => string,
  newId: () => string,
  loadPending: () => Promise<ReadonlySet<string>>,
): Promise<SideTab<K>> {
  const read = readTab(tab, grid, settings, nulCells);
  const stored = await load();
  return { read, stored, diff: diffTab(read.rows, stored, (r) => naturalKey(r.record), newId, await loadPending()) };
}

/** Unchanged visits or requests whose deal is no longer the one stored for them. */
function relinks<K extends 'visits' | 'requests'>(side: SideTab<K>, dealOf: (record: RecordsByKind[K]) => string | null): { id: string; dealId: string | null }[] {
  const out: { id: string; dealId: string | null }[] = [];
  for (const d of side.diff.rows) {
    if (d.change !== 'unchanged') continue;
    const dealId = dealOf(d.row.record);
    if (dealId !== (side.stored.get(d.id)?.dealId ?? null)) out.push({ id: d.id, dealId });
  }
  return out;
}

/** Visits from the sheet, per deal they name, and those logged through the API that it lacks yet. */
function visitsByDeal(
  visitDiff: TabDiff<'visits'> | null,
  linkDeal: (account: string | null, title: string | null) => string | null,
  pending: ReadonlyMap<string, readonly VisitFact[]> = new Map(),
): Map<string, VisitFact[]> {
  const byDeal = new Map<string, VisitFact[]>([...pending].map(([dealId, facts]) => [dealId, [...facts]]));
  for (const v of visitDiff?.rows ?? []) {
    const visit = v.row.record;
    const dealId = linkDeal(visit.account, visit.dealTitle);
    if (dealId === null || visit.visitedOn === null) continue;
    const list = byDeal.get(dealId) ?? [];
    list.push({ visitedOn: visit.visitedOn, ballAfter: visit.ballAfter, nextAction: visit.nextAction, nextActionOn: visit.nextActionOn });
    byDeal.set(dealId, list);
  }
  return byDeal;
}

/** The linker over the sheet's deal rows (request-deal-link.ts: one rule for the sync and the API). */
function dealLinker(dealDiff: TabDiff<'deals'>): DealLinker {
  return dealLinkerOf(function* () {
    for (const d of dealDiff.rows) yield { id: d.id, account: d.row.record.account, title: d.row.record.title };
  });
}

function todayOf(options: SyncOptions, timeZone: string): IsoDate {
  return typeof options.now === 'function' ? options.now(timeZone) : options.now;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function recordRun(
  db: Db,
  identity: SourceIdentity,
  options: SyncOptions,
  startedAt: Date,
  finishedAt: Date,
  outcome: 'dry_run' | 'failed',
  report: SyncReport | null,
  error: unknown,
): Promise<void> {
  await insertSyncRun(db, {
    spreadsheetId: identity.spreadsheetId,
    sourceKind: identity.kind,
    // A failed run may not have got as far as the settings: the zone the source records then.
    asOf: report?.asOf ?? todayOf(options, identity.timeZone ?? DEFAULT_SETTINGS.timeZone),
    startedAt,
    finishedAt,
    outcome,
    counts: report?.tabs ?? [],
    flagCounts: report?.flagCounts ?? {},
    issueCount: report?.issues.length ?? 0,
    error: error === null ? null : errorText(error),
    trigger: options.trigger ?? 'cli',
    requestedBy: options.requestedBy ?? null,
  });
}
