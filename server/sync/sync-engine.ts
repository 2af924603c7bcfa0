import { randomUUID } from 'node:crypto';
import type { IsoDate } from '../../shared/calendar/iso-date.ts';
import { computeDealStatus } from '../../shared/flags/deal-status.ts';
import { FLAG_CODES, type DealStatus, type FlagCode, type VisitFact } from '../../shared/flags/flag.ts';
import { firstMemory, nextMemory, type MemoryStep } from '../../shared/history/deal-memory.ts';
import { format, type Locale } from '../../shared/i18n/locale.ts';
import { CELL_MESSAGES } from '../../shared/cells/cell-messages.ts';
import { resolveMapping, mappingSpecOf } from '../../shared/mapping/resolve-mapping.ts';
import type { SheetGrid } from '../../shared/mapping/sheet-grid.ts';
import type { MappingSpec, ResolvedTab } from '../../shared/mapping/tab-mapping.ts';
import type { TabKind } from '../../shared/records/tab-kind.ts';
import { readTab, type ReadTabResult } from '../../shared/rows/read-tab.ts';
import { applySettingsOverrides } from '../../shared/settings/settings-overrides.ts';
import { DEFAULT_SETTINGS, type SyncSettings } from '../../shared/settings/sync-settings.ts';
import type { WritePlan } from '../../shared/write-plan/write-plan.ts';
import type { Db } from '../db/database.ts';
import { inBulkTransaction } from '../db/bulk-writer.ts';
import { tombstoneTracked } from '../db/tracked-rows.ts';
import { insertStageHistory, loadDealStates, type StageHistoryEntry } from '../deals/deal.repository.ts';
import { loadRequestStates } from '../requests/request.repository.ts';
import { lockSpreadsheet, saveMapping, upsertSpreadsheet } from '../spreadsheets/spreadsheet.repository.ts';
import { insertSyncRun, markSyncRunFailed } from '../sync-runs/sync-run.repository.ts';
import { loadVisitStates } from '../visits/visit.repository.ts';
import { buildPlan, type DealOutcome } from './build-plan.ts';
import { diffTab, type TabDiff } from './diff-tab.ts';
import { writeDeals, writeRequests, writeVisits } from './write-rows.ts';
import { dealKey, requestKey, visitKey } from './natural-key.ts';
import type { SheetSource, SourceIdentity } from './sheet-source.ts';
import { SyncError } from './sync-error.ts';
import type { SyncReport, TabCounts } from './sync-report.ts';
import { stalestDeals } from './stalest-deals.ts';
import { Stopwatch } from './stopwatch.ts';

/** An explicit mapping, as a `--mapping` file gives it: tabs, the team's stage labels, settings. */
export interface MappingInput extends MappingSpec {
  readonly stageLabels?: unknown;
  readonly settings?: unknown;
}

export type SyncPhase = 'read' | 'diff' | 'write' | 'apply';

export interface SyncOptions {
  /** Today in the spreadsheet's time zone: every aging flag is computed against it. */
  readonly now: IsoDate;
  /** Compute and report everything, write nothing (the transaction is rolled back). */
  readonly dryRun?: boolean;
  readonly mapping?: MappingInput | null;
  readonly onPhase?: (phase: SyncPhase) => void;
  /** Wall clock for timestamps; `now` above is the business date. */
  readonly clock?: () => Date;
  readonly newId?: () => string;
}

class DryRunRollback extends Error {
  readonly report: SyncReport;
  constructor(report: SyncReport) {
    super('dry run');
    this.report = report;
  }
}

function zeroFlagCounts(): Record<FlagCode, number> {
  return Object.fromEntries(FLAG_CODES.map((c) => [c, 0])) as Record<FlagCode, number>;
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

function settingsFor(stored: unknown, input: MappingInput | null | undefined, identity: SourceIdentity) {
  const base: SyncSettings = identity.timeZone === null ? DEFAULT_SETTINGS : { ...DEFAULT_SETTINGS, timeZone: identity.timeZone };
  const fromStore = applySettingsOverrides(base, stored);
  const explicit = input?.stageLabels === undefined ? input?.settings : { ...(input.settings ?? {}), stageLabels: input.stageLabels };
  const fromInput = applySettingsOverrides(fromStore.settings, explicit);
  return { settings: fromInput.settings, problems: [...fromStore.problems, ...fromInput.problems] };
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
    const remembered = resolveMapping(grids, stored);
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
  const grids = await source.read();
  watch.lap('source.read');
  const gridOf = (name: string): SheetGrid => grids.find((g) => g.name === name) ?? { name, rows: [] };

  let report: SyncReport;
  try {
    report = await inBulkTransaction(db, async (trx, writer) => {
      await lockSpreadsheet(trx, identity.spreadsheetId);
      const stored = await upsertSpreadsheet(trx, {
        id: identity.spreadsheetId,
        kind: identity.kind,
        title: identity.title,
        timeZone: identity.timeZone ?? DEFAULT_SETTINGS.timeZone,
      });
      const { settings, problems: settingsProblems } = settingsFor(stored.settings, options.mapping, identity);
      const mapping = chooseMapping(grids, options.mapping, stored.mapping);
      const dealsTab = mapping.tabs.find((t): t is ResolvedTab<'deals'> => t.kind === 'deals');
      if (dealsTab === undefined) {
        throw new SyncError('no_tabs', 'no deals tab found: no sheet has a header row with a deal title or account and a stage');
      }
      const visitsTab = mapping.tabs.find((t): t is ResolvedTab<'visits'> => t.kind === 'visits');
      const requestsTab = mapping.tabs.find((t): t is ResolvedTab<'requests'> => t.kind === 'requests');
      const locale: Locale = settings.locale ?? dealsTab.locale;
      const now = options.now;
      const at = clock();
      watch.lap('lock+mapping');

      options.onPhase?.('diff');
      const dealsRead = readTab(dealsTab, gridOf(dealsTab.sheet), settings);
      watch.lap('read deals');
      const dealStates = await loadDealStates(trx, identity.spreadsheetId);
      watch.lap('load deal states');
      const dealDiff = diffTab(dealsRead.rows, dealStates, (r) => dealKey(r.record.account, r.record.title), newId);
      const linkDeal = visitsTab === undefined && requestsTab === undefined ? () => null : dealLinker(dealDiff);

      let visitsRead: ReadTabResult<'visits'> | null = null;
      let visitDiff: TabDiff<'visits'> | null = null;
      if (visitsTab !== undefined) {
        visitsRead = readTab(visitsTab, gridOf(visitsTab.sheet), settings);
        visitDiff = diffTab(visitsRead.rows, await loadVisitStates(trx, identity.spreadsheetId), (r) => visitKey(r.record.visitedOn, r.record.account, r.record.dealTitle, r.record.owner), newId);
      }
      let requestsRead: ReadTabResult<'requests'> | null = null;
      let requestDiff: TabDiff<'requests'> | null = null;
      if (requestsTab !== undefined) {
        requestsRead = readTab(requestsTab, gridOf(requestsTab.sheet), settings);
        requestDiff = diffTab(requestsRead.rows, await loadRequestStates(trx, identity.spreadsheetId), (r) => requestKey(r.record.requestedOn, r.record.account, r.record.type, r.record.requester), newId);
      }

      watch.lap('diff');
      // What the sheet forgets: carried forward for unchanged deals, stepped for new and edited ones.
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

      const visitsByDeal = new Map<string, VisitFact[]>();
      for (const v of visitDiff?.rows ?? []) {
        const dealId = linkDeal(v.row.record.account, v.row.record.dealTitle);
        if (dealId === null || v.row.record.visitedOn === null) continue;
        const list = visitsByDeal.get(dealId) ?? [];
        list.push({ visitedOn: v.row.record.visitedOn, ballAfter: v.row.record.ballAfter });
        visitsByDeal.set(dealId, list);
      }
      const statuses: DealStatus[] = dealDiff.rows.map((d, i) =>
        computeDealStatus(
          { deal: d.row.record, memory: steps[i]?.memory ?? firstMemory(d.row.record, now).memory, visits: visitsByDeal.get(d.id) ?? [], cellIssueCount: d.row.issues.length },
          settings,
          now,
        ),
      );

      watch.lap('memory+flags');
      options.onPhase?.('write');
      const sid = identity.spreadsheetId;
      await writeDeals(trx, writer, sid, dealDiff, steps, at);
      await tombstoneTracked(trx, 'deals', sid, dealDiff.removedIds, at);
      if (visitDiff !== null) {
        await writeVisits(trx, writer, sid, visitDiff, (v) => linkDeal(v.account, v.dealTitle), at);
        await tombstoneTracked(trx, 'visits', sid, visitDiff.removedIds, at);
      }
      if (requestDiff !== null) {
        await writeRequests(trx, writer, sid, requestDiff, (r) => linkDeal(r.account, r.dealTitle), at);
        await tombstoneTracked(trx, 'requests', sid, requestDiff.removedIds, at);
      }
      await saveMapping(trx, sid, mappingSpecOf(mapping.tabs), at);
      watch.lap('write rows');

      const dealOutcomes: DealOutcome[] = dealDiff.rows.map((d, i) => ({
        sheetRow: d.row.sheetRow,
        id: d.id,
        deal: d.row.record,
        memory: steps[i]?.memory ?? { stageEnteredOn: null, previousStage: null, ballChangedOn: null },
        status: statuses[i] as DealStatus,
      }));
      const plan: WritePlan = buildPlan({
        spreadsheetId: sid,
        settings,
        locale,
        grids: { of: gridOf },
        deals: { tab: dealsTab, read: dealsRead, outcomes: dealOutcomes },
        visits: visitsTab && visitsRead && visitDiff ? { tab: visitsTab, read: visitsRead, ids: visitDiff.rows.map((r) => ({ sheetRow: r.row.sheetRow, id: r.id })) } : null,
        requests: requestsTab && requestsRead && requestDiff ? { tab: requestsTab, read: requestsRead, ids: requestDiff.rows.map((r) => ({ sheetRow: r.row.sheetRow, id: r.id })) } : null,
      });

      watch.lap('plan');
      const flagCounts = zeroFlagCounts();
      for (const s of statuses) for (const f of s.flags) flagCounts[f.code]++;
      const issues = [...dealsRead.rows, ...(visitsRead?.rows ?? []), ...(requestsRead?.rows ?? [])]
        .flatMap((r) => r.issues)
        .map((issue) => ({ ...issue, message: format(CELL_MESSAGES[issue.code][locale], { value: issue.value }) }));
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
        stalest: stalestDeals(dealOutcomes, dealsTab.sheet, settings),
        issues,
        mappingProblems: mapping.problems,
        settingsProblems,
        cellsWritten: plan.tabs.reduce((n, t) => n + t.writes.length + t.newColumns.length, 0),
        plan,
        timings: watch.laps,
      };
      if (options.dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) {
      await recordRun(db, identity, options.now, startedAt, clock(), 'dry_run', error.report, null);
      return error.report;
    }
    await recordRun(db, identity, options.now, startedAt, clock(), 'failed', null, error);
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
    if (report.runId !== null) await markSyncRunFailed(db, report.runId, `write-back failed: ${errorText(error)}`);
    throw error;
  }
  return report;
}

/**
 * Finds the deal a visit or request names: by account and title, or by the title alone when no
 * other deal has it.
 */
function dealLinker(dealDiff: TabDiff<'deals'>): (account: string | null, title: string | null) => string | null {
  const byKey = new Map<string, string>();
  const byTitle = new Map<string, string | null>();
  for (const d of dealDiff.rows) {
    byKey.set(dealKey(d.row.record.account, d.row.record.title), d.id);
    const title = dealKey(null, d.row.record.title);
    byTitle.set(title, byTitle.has(title) ? null : d.id);
  }
  return (account, title) =>
    title === null ? null : (byKey.get(dealKey(account, title)) ?? byTitle.get(dealKey(null, title)) ?? null);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function recordRun(
  db: Db,
  identity: SourceIdentity,
  asOf: IsoDate,
  startedAt: Date,
  finishedAt: Date,
  outcome: 'dry_run' | 'failed',
  report: SyncReport | null,
  error: unknown,
): Promise<void> {
  await insertSyncRun(db, {
    spreadsheetId: identity.spreadsheetId,
    sourceKind: identity.kind,
    asOf,
    startedAt,
    finishedAt,
    outcome,
    counts: report?.tabs ?? [],
    flagCounts: report?.flagCounts ?? {},
    issueCount: report?.issues.length ?? 0,
    error: error === null ? null : errorText(error),
  });
}
